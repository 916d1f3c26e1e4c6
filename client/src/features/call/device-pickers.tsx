import { useId } from 'react';
import type { LocalMedia } from './use-local-media';

function Picker({
  label,
  devices,
  value,
  onChange,
  testId,
}: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string | null;
  onChange: (deviceId: string) => void;
  testId: string;
}) {
  const id = useId();
  if (devices.length === 0) return null;
  const current = devices.find((d) => d.deviceId === value);
  return (
    <div className="device-picker">
      <label htmlFor={id} className="device-picker__label">
        {label}
      </label>
      {devices.length === 1 ? (
        // One choice: show which device it is rather than a pointless menu.
        <p className="device-picker__single" id={id}>
          {devices[0]?.label || label}
        </p>
      ) : (
        <select
          id={id}
          className="device-picker__select"
          data-testid={testId}
          value={current ? current.deviceId : ''}
          onChange={(event) => onChange(event.target.value)}
        >
          {current ? null : <option value="">{label}</option>}
          {devices.map((device, index) => (
            <option key={device.deviceId} value={device.deviceId}>
              {device.label || `${label} ${index + 1}`}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}

/** Camera and microphone choice; most iPads have one of each, laptops often more. */
export function DevicePickers({ media }: { media: LocalMedia }) {
  return (
    <div className="device-pickers">
      <Picker
        label="Camera"
        devices={media.devices.cameras}
        value={media.cameraId}
        onChange={media.selectCamera}
        testId="camera-select"
      />
      <Picker
        label="Microphone"
        devices={media.devices.microphones}
        value={media.microphoneId}
        onChange={media.selectMicrophone}
        testId="microphone-select"
      />
    </div>
  );
}
