import type { TodaySession } from '@peerbridge/shared';
import { useCallback, useMemo, useState, type CSSProperties, type ReactNode } from 'react';
import { nowMs } from '../../lib/clock';
import { CalmPulse } from '../../ui/calm-pulse';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { CameraOffIcon, MicOffIcon } from '../../ui/icons';
import type { ChatSendResult, RaisedConcern } from './call-client';
import { CallControls } from './call-controls';
import { CallTimeLine, FocusPanel, PartnerAwayMessage } from './call-context';
import { CallEnded } from './call-ended';
import type { CallPhase, CallState } from './call-state';
import { callTimes, type PartnerAway } from './call-timing';
import { ChatPanel } from './chat-panel';
import { ObserverBanner } from './observer-banner';
import { RemoteMedia } from './remote-media';
import { useChat } from './use-chat';
import { useElementHeight } from './use-element-height';
import { useSelfVideo } from './use-media-element';
import { useWakeLock } from './use-wake-lock';
import { useWorriedFlow } from './use-worried-flow';
import { WorriedDialog } from './worried-dialog';
import './call.css';
// Split by part, imported in this order so the cascade is what it was in one file.
import './call-chat.css';
import './call-worried.css';

export interface CallScreenProps {
  state: CallState;
  /** From the timetable, used until (and after) the partner is in the call. */
  partnerName: string;
  partnerSchool: string;
  /** Today's session: its times, what the pair work on, when they meet next, the partner's year. */
  session: Pick<TodaySession, 'startsAt' | 'endsAt' | 'focus' | 'nextStartsAt' | 'partner'>;
  /** The school's zone, for the times on chat messages. */
  timeZone: string;
  localStream: MediaStream | null;
  onToggleMic: () => void;
  onToggleCamera: () => void;
  onSendChat: (text: string) => Promise<ChatSendResult>;
  /** Raises a concern; rejects if it did not reach the server. */
  onRaiseConcern: (text?: string, concernId?: string) => Promise<RaisedConcern>;
  onLeave: () => void;
  onBackToSessions: () => void;
  /** Loaded after the call is up, from outside the call's own code (the targets panel). */
  inCallExtra?: ReactNode;
  /** Under the end screen (the mentor's session note). */
  afterEndExtra?: ReactNode;
}

/*
 * The message can be longer than a portrait stage is tall (the waiting words and the pair's focus), so it
 * scrolls; a scrolling box must be reachable from the keyboard to be read there, hence the tab stop and name.
 */
function StageMessage({ children }: { children: ReactNode }) {
  return (
    <div className="call__message" tabIndex={0} role="region" aria-label="Message">
      {children}
    </div>
  );
}

/** Why the child is on their own, if they are: the phases in which the partner is not in the call. */
function partnerAway(phase: CallPhase): PartnerAway | null {
  if (phase === 'waiting') return 'not-come';
  if (phase === 'partner-left') return 'left';
  return null;
}

/** When the current wait began (for "wait here until"): taken when the phase changes, not on each render. */
function useAwaySince(away: PartnerAway | null): number {
  const [since, setSince] = useState(() => ({ away, ms: nowMs() }));
  if (since.away !== away) {
    const next = { away, ms: nowMs() };
    setSince(next);
    return next.ms;
  }
  return since.ms;
}

export function CallScreen({
  state,
  partnerName,
  partnerSchool,
  session,
  timeZone,
  localStream,
  onToggleMic,
  onToggleCamera,
  onSendChat,
  onRaiseConcern,
  onLeave,
  onBackToSessions,
  inCallExtra,
  afterEndExtra,
}: CallScreenProps) {
  const [confirmingLeave, setConfirmingLeave] = useState(false);
  const selfRef = useSelfVideo(localStream);
  const { phase, remote } = state;
  useWakeLock(phase !== 'ended');
  const closeConfirm = useCallback(() => setConfirmingLeave(false), []);
  const chat = useChat(state.chat, onSendChat);
  const worried = useWorriedFlow(onRaiseConcern);
  const [bannerRef, bannerHeight] = useElementHeight<HTMLDivElement>();
  const [controlsRef, controlsHeight] = useElementHeight<HTMLDivElement>();
  const times = useMemo(() => callTimes(session), [session]);
  const away = partnerAway(phase);
  const awaySince = useAwaySince(away);

  if (phase === 'ended') {
    return (
      <main className="call call--ended" data-testid="call" data-state="ended">
        <CallEnded
          end={state.end ?? { reason: 'connection_lost', message: '' }}
          context={{ partnerName: state.partner?.firstName ?? partnerName, nextStartsAt: session.nextStartsAt, timeZone, nowMs: nowMs() }}
          onBack={onBackToSessions}
        />
        {afterEndExtra}
      </main>
    );
  }

  const name = state.partner?.firstName ?? partnerName;
  const school = state.partner?.schoolName ?? partnerSchool;

  // The banner and the controls say how tall they are; everything else keeps out of their way (call.css).
  const layout = {
    '--call-banner-height': `${bannerHeight}px`,
    ...(controlsHeight > 0 ? { '--call-controls-height': `${controlsHeight}px` } : {}),
  } as CSSProperties;

  const focus = session.focus;
  // Their picture is taken away, not left frozen on its last frame, whenever they turn the camera off or it pauses.
  const partnerVideoOff = remote.cameraOff || remote.cameraPaused;

  return (
    <main
      aria-label={`Call with ${name}`}
      className={`call${chat.open ? ' call--chat-open' : ''}${state.observers.length > 0 ? ' call--observed' : ''}`}
      data-testid="call"
      data-state={phase}
      // How the call kept going, for support and tests: ICE restarts (light) and rejoins (heavy).
      data-ice-restarts={state.iceRestarts}
      data-rejoins={state.rejoins}
      style={layout}
    >
      <ObserverBanner ref={bannerRef} observers={state.observers} />

      <div className="call__stage" data-testid="call-stage">
        <RemoteMedia videoTrack={remote.videoTrack} audioTrack={remote.audioTrack} videoOff={partnerVideoOff} />

        {phase === 'connected' && remote.cameraOff ? (
          <StageMessage>
            <span className="call__initial" aria-hidden="true">
              {name.slice(0, 1)}
            </span>
            <p data-testid="partner-camera-off">{name}’s camera is off</p>
          </StageMessage>
        ) : null}

        {phase === 'connected' && state.videoPausedForBandwidth && !remote.cameraOff ? (
          <StageMessage>
            <CalmPulse tone="dark" />
            <p data-testid="video-paused-for-bandwidth">Video paused to keep your voice clear</p>
            <p className="call__message-sub">You can still hear each other. Video comes back when the connection gets better.</p>
          </StageMessage>
        ) : null}

        {phase === 'connected' && remote.cameraPaused && !state.videoPausedForBandwidth ? (
          <StageMessage>
            <CameraOffIcon size={56} />
            <p data-testid="partner-camera-paused">{name}’s camera paused</p>
            <p className="call__message-sub">It will come back when their iPad is back on the call.</p>
          </StageMessage>
        ) : null}

        {away ? (
          <StageMessage>
            <PartnerAwayMessage
              away={away}
              partner={{ firstName: name, schoolName: school, yearGroup: session.partner.yearGroup }}
              times={times}
              sinceMs={awaySince}
              timeZone={timeZone}
              focus={focus}
            />
          </StageMessage>
        ) : null}

        {phase === 'reconnecting' ? (
          <StageMessage>
            <CalmPulse tone="dark" />
            <p data-testid="reconnecting">Reconnecting…</p>
            <p className="call__message-sub">Hold on, this usually takes a few seconds.</p>
          </StageMessage>
        ) : null}
      </div>

      <div className="call__info">
        <div className="call__label" data-testid="partner-label">
          <span className="call__label-name">{name}</span>
          <span className="call__label-school">{school}</span>
          {phase === 'connected' && remote.micOff ? (
            <span className="call__label-muted" data-testid="partner-mic-off">
              <MicOffIcon size={22} />
              Muted
            </span>
          ) : null}
        </div>
        <CallTimeLine times={times} timeZone={timeZone} />
        {/* On the stage while they wait; small here once the partner is in the call. */}
        {focus && !away ? <FocusPanel focus={focus} /> : null}
      </div>

      {state.notice ? (
        <div className="call__notice" role="status">
          {state.notice}
        </div>
      ) : null}

      <div className="call__self" data-testid="self-view">
        <video ref={selfRef} data-testid="self-video" className="mirrored" autoPlay muted playsInline />
        {state.cameraEnabled ? null : <div className="call__self-off">Your camera is off</div>}
      </div>

      {inCallExtra}

      {chat.open ? (
        <ChatPanel
          entries={state.chat}
          partnerName={name}
          partnerAway={phase === 'waiting' || phase === 'partner-left'}
          timeZone={timeZone}
          composer={chat.composer}
          onEdit={chat.edit}
          onSend={() => void chat.submit()}
          onClose={() => chat.setOpen(false)}
        />
      ) : null}

      <CallControls
        ref={controlsRef}
        micEnabled={state.micEnabled}
        cameraEnabled={state.cameraEnabled}
        chatOpen={chat.open}
        chatUnread={chat.unread}
        onToggleMic={onToggleMic}
        onToggleCamera={onToggleCamera}
        onToggleChat={() => chat.setOpen(!chat.open)}
        onWorried={() => void worried.tap()}
        onLeave={() => setConfirmingLeave(true)}
      />

      {worried.state.step !== 'closed' ? (
        <WorriedDialog
          state={worried.state}
          onRetry={() => void worried.tap()}
          onSendWords={(text) => void worried.sendWords(text)}
          onClose={worried.close}
          cameraOn={state.cameraEnabled}
          onCameraOff={() => onToggleCamera()}
          onLeaveNow={() => {
            worried.close();
            onLeave();
          }}
        />
      ) : null}

      {confirmingLeave ? (
        <ConfirmDialog
          title="Leave the session?"
          confirmLabel="Leave"
          cancelLabel="Stay"
          confirmTestId="leave-confirm"
          onConfirm={() => {
            setConfirmingLeave(false);
            onLeave();
          }}
          onCancel={closeConfirm}
        >
          You can join again while the session is still open.
        </ConfirmDialog>
      ) : null}
    </main>
  );
}
