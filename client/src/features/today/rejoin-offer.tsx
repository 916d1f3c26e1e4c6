import type { DeviceSchool, RejoinOfferResponse, TodaySession } from '@peerbridge/shared';
import { useEffect, useState } from 'react';
import { nowMs } from '../../lib/clock';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { clearRejoin, readRejoin, type StoredRejoin } from '../call/rejoin-grant-store';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';

export interface RejoinOfferProps {
  deviceToken: string;
  sessions: readonly TodaySession[];
  school: DeviceSchool;
  onRejoin: (session: TodaySession, school: DeviceSchool, joinToken: string) => void;
  /** Told once the offer is shown, so the call can start loading before the tap. */
  onOffered?: (() => void) | undefined;
}

/**
 * "Rejoin your call with Priya": after this tab's page reloaded mid-call (Safari reloading it, the iPad
 * locking), for the few minutes the server still allows, without the PIN. Shown only when this tab kept
 * a rejoin grant (never after Leave or the end) and the server says it still works; gone once it doesn't.
 */
export function RejoinOffer({ deviceToken, sessions, school, onRejoin, onOffered }: RejoinOfferProps) {
  const [stored] = useState<StoredRejoin | null>(() => readRejoin());
  const [offer, setOffer] = useState<RejoinOfferResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const session = stored ? sessions.find((s) => s.id === stored.sessionId && s.participant.id === stored.studentId) : undefined;

  useEffect(() => {
    if (!stored) return;
    const controller = new AbortController();
    // The API module brings zod and the contract's schemas: loaded once the screen is up, not before its first paint.
    import('./today-api').then(({ fetchRejoinOffer }) => fetchRejoinOffer(deviceToken, stored, controller.signal)).then(
      setOffer,
      () => {
        // Refused (left, too long, over) or unanswerable: the PIN is the way back in.
        if (!controller.signal.aborted) clearRejoin();
      },
    );
    return () => controller.abort();
  }, [stored, deviceToken]);

  // The offer goes when the server's window does.
  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(() => {
      clearRejoin();
      setOffer(null);
    }, Math.max(0, new Date(offer.until).getTime() - nowMs()));
    return () => clearTimeout(timer);
  }, [offer]);

  const shown = offer !== null && session !== undefined;
  useEffect(() => {
    if (shown) onOffered?.();
  }, [shown, onOffered]);

  if (problem) return <Notice tone="info">{problem}</Notice>;
  if (!stored || !offer || !session) return null;

  const rejoin = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const { rejoinWithGrant } = await import('./today-api');
      const joinToken = await rejoinWithGrant(deviceToken, stored);
      clearRejoin();
      onRejoin(session, school, joinToken);
    } catch (error) {
      clearRejoin();
      setProblem(toPeerbridgeError(error).message);
      setOffer(null);
      setBusy(false);
    }
  };

  return (
    <section className="rejoin-offer" aria-label="Your call" data-testid="rejoin-offer">
      <p className="rejoin-offer__text">{session.participant.firstName}, your call stopped. You can go straight back in.</p>
      <Button size="large" wide data-testid="rejoin-button" disabled={busy} aria-busy={busy} onClick={() => void rejoin()}>
        Rejoin your call with {offer.partnerFirstName}
      </Button>
    </section>
  );
}
