import { useEffect, useState } from 'react';
import type { CallClient } from './call-client';

/** How often pre-join asks again: fresh enough that "You'll be first" turns into "Priya is here" while the child waits. */
const PRESENCE_EVERY_MS = 4_000;

/**
 * Whether the partner is already in the call, kept fresh while pre-join shows (`active`). Null until the
 * first answer, and whenever the server could not be asked: then pre-join says nothing rather than guess.
 */
export function usePartnerPresence(
  client: CallClient | null,
  ask: { sessionId: string; studentId: string; joinToken: string },
  active: boolean,
): boolean | null {
  const [here, setHere] = useState<boolean | null>(null);
  const { sessionId, studentId, joinToken } = ask;
  useEffect(() => {
    if (!client || !active) return;
    let stopped = false;
    const check = () =>
      client.partnerHere({ sessionId, studentId, joinToken }).then(
        (answer) => !stopped && setHere(answer),
        () => !stopped && setHere(null),
      );
    void check();
    const timer = setInterval(() => void check(), PRESENCE_EVERY_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [client, active, sessionId, studentId, joinToken]);
  return here;
}
