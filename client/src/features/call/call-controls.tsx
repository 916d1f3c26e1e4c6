import type { ReactNode } from 'react';
import { CameraIcon, CameraOffIcon, CareIcon, ChatIcon, LeaveIcon, MicIcon, MicOffIcon } from '../../ui/icons';

function Toggle({
  testId,
  label,
  on,
  onIcon,
  offIcon,
  offText,
  onToggle,
}: {
  testId: string;
  label: string;
  on: boolean;
  onIcon: ReactNode;
  offIcon: ReactNode;
  offText: string;
  onToggle: () => void;
}) {
  // aria-pressed="true" means the device is ON (sending), like LiveKit's TrackToggle.
  // The accessible name stays fixed; the visible state line is decorative.
  return (
    <button
      type="button"
      className={`call-toggle ${on ? 'call-toggle--on' : 'call-toggle--off'}`}
      data-testid={testId}
      aria-pressed={on}
      onClick={onToggle}
    >
      <span className="call-toggle__circle">{on ? onIcon : offIcon}</span>
      <span className="call-toggle__label">{label}</span>
      <span className="call-toggle__state" aria-hidden="true">
        {on ? 'On' : offText}
      </span>
    </button>
  );
}

export interface CallControlsProps {
  micEnabled: boolean;
  cameraEnabled: boolean;
  chatOpen: boolean;
  /** Messages from the partner not yet seen: a dot on the Chat button. */
  chatUnread: number;
  onToggleMic: () => void;
  onToggleCamera: () => void;
  onToggleChat: () => void;
  onWorried: () => void;
  onLeave: () => void;
  ref?: (element: HTMLDivElement | null) => (() => void) | undefined;
}

export function CallControls({
  micEnabled,
  cameraEnabled,
  chatOpen,
  chatUnread,
  onToggleMic,
  onToggleCamera,
  onToggleChat,
  onWorried,
  onLeave,
  ref,
}: CallControlsProps) {
  return (
    <div ref={ref} className="call__controls" role="toolbar" aria-label="Call controls">
      <Toggle
        testId="toggle-mic"
        label="Microphone"
        on={micEnabled}
        onIcon={<MicIcon />}
        offIcon={<MicOffIcon />}
        offText="Muted"
        onToggle={onToggleMic}
      />
      <Toggle
        testId="toggle-camera"
        label="Camera"
        on={cameraEnabled}
        onIcon={<CameraIcon />}
        offIcon={<CameraOffIcon />}
        offText="Off"
        onToggle={onToggleCamera}
      />
      <button
        type="button"
        className={`call-toggle call-toggle--plain${chatOpen ? ' call-toggle--open' : ''}`}
        data-testid="chat-toggle"
        aria-pressed={chatOpen}
        onClick={onToggleChat}
      >
        <span className="call-toggle__circle">
          <ChatIcon />
          {chatUnread > 0 ? <span className="call-toggle__dot" data-testid="chat-unread" aria-hidden="true" /> : null}
        </span>
        <span className="call-toggle__label">Chat</span>
        {/* Named by what it shows: "Chat", or "Chat New message" while one waits ("Open" is aria-pressed's to say). */}
        {chatUnread > 0 ? (
          <span className="call-toggle__state"> New message</span>
        ) : (
          <span className="call-toggle__state" aria-hidden="true">
            {chatOpen ? 'Open' : '\u00a0'}
          </span>
        )}
      </button>
      {/* Always here, never behind a menu: one tap tells a safeguarding lead. Calm colours, not Leave's red. */}
      <button type="button" className="call-toggle call-worried" data-testid="worried-button" onClick={onWorried}>
        <span className="call-toggle__circle">
          <CareIcon />
        </span>
        <span className="call-toggle__label">I’m worried</span>
        <span className="call-toggle__state" aria-hidden="true">
          Tell an adult
        </span>
      </button>
      <button type="button" className="call-leave" data-testid="leave-button" onClick={onLeave}>
        <LeaveIcon />
        Leave
      </button>
    </div>
  );
}
