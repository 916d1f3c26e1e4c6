import type { ReactNode } from 'react';
import { CameraIcon, CameraOffIcon, LeaveIcon, MicIcon, MicOffIcon } from '../../ui/icons';

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
  onToggleMic: () => void;
  onToggleCamera: () => void;
  onLeave: () => void;
}

export function CallControls({ micEnabled, cameraEnabled, onToggleMic, onToggleCamera, onLeave }: CallControlsProps) {
  return (
    <div className="call__controls" role="toolbar" aria-label="Call controls">
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
      <button type="button" className="call-leave" data-testid="leave-button" onClick={onLeave}>
        <LeaveIcon />
        Leave
      </button>
    </div>
  );
}
