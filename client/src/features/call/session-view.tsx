import type { DeviceSchool, TodaySession } from '@peerbridge/shared';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PeerbridgeError, toPeerbridgeError } from '../../lib/peerbridge-error';
import { CalmPulse } from '../../ui/calm-pulse';
import { Screen } from '../../ui/screen';
import { SignInRequiredError } from './call-client';
import { audioUnlock } from './audio-unlock';
import { applyTrackEnabled } from './call-publisher';
import { CallScreen } from './call-screen';
import { isInCall } from './call-state';
import { markJoinTapped } from './latency-marks';
import { PrejoinScreen } from './prejoin-screen';
import { useCallClient } from './use-call-client';
import { useLocalMedia } from './use-local-media';
import { useNetworkCheck } from './use-network-check';
import { usePartnerPresence } from './use-partner-presence';

// Targets are their own chunks, fetched once they are needed: never on the join's path, and the call bundle stays lean.
const CallTargetsPanel = lazy(() => import('../targets/call-targets-panel'));
const SessionNoteForm = lazy(() => import('../targets/session-note-form'));
const MyTargets = lazy(() => import('../targets/my-targets'));

export interface SessionViewProps {
  deviceToken: string;
  session: TodaySession;
  school: DeviceSchool;
  /** From the student's PIN sign-in; held in memory only, dropped when this screen closes. */
  joinToken: string;
  /**
   * Coming back by the device page's "Rejoin your call" after a reload: join at once (no pre-join),
   * as the reconnect path would have if the page had not reloaded.
   */
  autoJoin?: boolean;
  /** Back to the device page. */
  onExit: () => void;
  /** The join token was refused: back to the PIN screen, saying why. */
  onSignInRequired: (message: string) => void;
}

/**
 * One session from pre-join to the end of the call. The camera stream and the
 * call client live here, so pre-join's stream is the one the call sends.
 */
export function SessionView({ deviceToken, session, school, joinToken, autoJoin = false, onExit, onSignInRequired }: SessionViewProps) {
  const { client, state } = useCallClient(deviceToken);
  // Camera off as soon as the call is over, not only when the screen closes.
  const media = useLocalMedia(state.phase !== 'ended');
  const network = useNetworkCheck(client, state.phase === 'idle');
  // iPad Safari: the first tap anywhere on pre-join or in the call starts sound that is waiting for one.
  useEffect(() => audioUnlock.listen(document), []);
  const [joinError, setJoinError] = useState<string | null>(null);
  const [leaving, setLeaving] = useState(false);
  const isMentor = session.participant.role === 'mentor';
  const targets = useMemo(() => client?.targets() ?? null, [client]);
  const who = useMemo(() => ({ deviceToken, sessionId: session.id, studentId: session.participant.id, joinToken }), [deviceToken, session, joinToken]);
  const partnerHere = usePartnerPresence(client, { sessionId: session.id, studentId: session.participant.id, joinToken }, state.phase === 'idle');

  const join = async () => {
    if (!client || !media.stream) return;
    markJoinTapped();
    setJoinError(null);
    try {
      await client.join({
        sessionId: session.id,
        studentId: session.participant.id,
        joinToken,
        stream: media.stream,
        // A check still running is not waited for; the join is logged without it.
        ...(network.status === 'done' ? { networkCheck: network.result } : {}),
      });
    } catch (error) {
      if (error instanceof SignInRequiredError) {
        onSignInRequired(error.message);
        return;
      }
      setJoinError(toPeerbridgeError(error).message);
    }
  };

  // A rejoin goes straight back into the call once the camera is up (once: a failure leaves pre-join to show it).
  const autoJoined = useRef(false);
  useEffect(() => {
    if (!autoJoin || autoJoined.current || !client || !media.stream || state.phase !== 'idle') return;
    autoJoined.current = true;
    void join();
  });

  // Stable, so the chat and worried hooks don't rebuild their callbacks on every state change.
  const sendChat = useCallback(
    (text: string) => (client ? client.sendChat(text) : Promise.reject(PeerbridgeError.network())),
    [client],
  );
  const raiseConcern = useCallback(
    (text?: string, concernId?: string) => (client ? client.raiseConcern(text, concernId) : Promise.reject(PeerbridgeError.network())),
    [client],
  );

  const leave = async () => {
    setLeaving(true);
    await client?.leave();
    onExit();
  };

  if (leaving) {
    return (
      <Screen centred aria-busy="true">
        <CalmPulse />
        <p>Leaving…</p>
      </Screen>
    );
  }

  if (!isInCall(state.phase)) {
    return (
      <PrejoinScreen
        session={session}
        school={school}
        media={media}
        network={network}
        canJoin={client !== null}
        joining={state.phase === 'joining'}
        joinError={joinError}
        partnerHere={partnerHere}
        micEnabled={state.micEnabled}
        cameraEnabled={state.cameraEnabled}
        onToggleMic={() => {
          // On the preview's own track too, so the child sees and hears the choice before joining.
          applyTrackEnabled(media.stream, 'audio', !state.micEnabled);
          void client?.setMicrophoneEnabled(!state.micEnabled);
        }}
        onToggleCamera={() => {
          applyTrackEnabled(media.stream, 'video', !state.cameraEnabled);
          void client?.setCameraEnabled(!state.cameraEnabled);
        }}
        onJoin={() => void join()}
        onBack={onExit}
        extra={
          <Suspense fallback={null}>
            <MyTargets who={who} timeZone={school.timeZone} />
          </Suspense>
        }
      />
    );
  }

  return (
    <CallScreen
      state={state}
      partnerName={session.partner.firstName}
      partnerSchool={session.partner.schoolName}
      session={session}
      timeZone={school.timeZone}
      localStream={media.stream}
      onToggleMic={() => void client?.setMicrophoneEnabled(!state.micEnabled)}
      onToggleCamera={() => void client?.setCameraEnabled(!state.cameraEnabled)}
      onSendChat={sendChat}
      onRaiseConcern={raiseConcern}
      onLeave={() => void leave()}
      onBackToSessions={onExit}
      inCallExtra={
        targets && state.phase !== 'joining' ? (
          <Suspense fallback={null}>
            <CallTargetsPanel channel={targets} isMentor={isMentor} partnerName={session.partner.firstName} />
          </Suspense>
        ) : null
      }
      afterEndExtra={
        isMentor ? (
          <Suspense fallback={null}>
            <SessionNoteForm who={who} />
          </Suspense>
        ) : null
      }
    />
  );
}
