import { useCallback, useState, type CSSProperties, type ReactNode } from 'react';
import { CalmPulse } from '../../ui/calm-pulse';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { CameraOffIcon, MicOffIcon } from '../../ui/icons';
import type { ChatSendResult, RaisedConcern } from './call-client';
import { CallControls } from './call-controls';
import { CallEnded } from './call-ended';
import type { CallState } from './call-state';
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
}

function StageMessage({ children }: { children: ReactNode }) {
  return <div className="call__message">{children}</div>;
}

export function CallScreen({
  state,
  partnerName,
  partnerSchool,
  timeZone,
  localStream,
  onToggleMic,
  onToggleCamera,
  onSendChat,
  onRaiseConcern,
  onLeave,
  onBackToSessions,
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

  if (phase === 'ended') {
    return (
      <div className="call call--ended" data-testid="call" data-state="ended">
        <CallEnded end={state.end ?? { reason: 'connection_lost', message: '' }} onBack={onBackToSessions} />
      </div>
    );
  }

  const name = state.partner?.firstName ?? partnerName;
  const school = state.partner?.schoolName ?? partnerSchool;

  // The banner and the controls say how tall they are; everything else keeps out of their way (call.css).
  const layout = {
    '--call-banner-height': `${bannerHeight}px`,
    ...(controlsHeight > 0 ? { '--call-controls-height': `${controlsHeight}px` } : {}),
  } as CSSProperties;

  return (
    <div
      className={`call${chat.open ? ' call--chat-open' : ''}${state.observers.length > 0 ? ' call--observed' : ''}`}
      data-testid="call"
      data-state={phase}
      // How the call kept going, for support and tests: ICE restarts (light) and rejoins (heavy).
      data-ice-restarts={state.iceRestarts}
      data-rejoins={state.rejoins}
      style={layout}
    >
      <ObserverBanner ref={bannerRef} observers={state.observers} />

      <div className="call__stage">
        <RemoteMedia videoTrack={remote.videoTrack} audioTrack={remote.audioTrack} />

        {phase === 'connected' && remote.cameraOff ? (
          <StageMessage>
            <CameraOffIcon size={56} />
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

        {phase === 'waiting' ? (
          <StageMessage>
            <CalmPulse tone="dark" />
            <p data-testid="waiting-for-partner">Waiting for {name} to join…</p>
            <p className="call__message-sub">They’ll see you as soon as they join.</p>
          </StageMessage>
        ) : null}

        {phase === 'partner-left' ? (
          <StageMessage>
            <CalmPulse tone="dark" />
            <p data-testid="partner-left">{name} has left the session. They may rejoin.</p>
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

      {state.notice ? (
        <div className="call__notice" role="status">
          {state.notice}
        </div>
      ) : null}

      <div className="call__self">
        <video ref={selfRef} data-testid="self-video" className="mirrored" autoPlay muted playsInline />
        {state.cameraEnabled ? null : <div className="call__self-off">Your camera is off</div>}
      </div>

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
    </div>
  );
}
