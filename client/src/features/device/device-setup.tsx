import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { useDeviceSetup } from './use-device-setup';
import './device.css';

export interface DeviceSetupProps {
  /** Why we are here again, e.g. the server no longer recognises this iPad. */
  message: string | null;
  onSubmit: (token: string) => void;
}

/** Shown on an iPad with no device token. Staff type the one-time setup code (or paste a link) once. */
export function DeviceSetup({ message, onSubmit }: DeviceSetupProps) {
  const inputId = useId();
  const [value, setValue] = useState('');
  const { submit, busy, problem, clearProblem } = useDeviceSetup(onSubmit);

  const onFormSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(value);
  };

  return (
    <Screen centred data-testid="device-setup" className="device-setup">
      <p className="device-setup__brand">Peerbridge</p>
      <h1 className="device-setup__title">This iPad isn't set up for Peerbridge yet</h1>
      <p className="device-setup__lead">
        A member of staff can set it up by typing the setup code from the staff page below, or by opening the setup
        link on this iPad.
      </p>
      {message ? <Notice tone="error">{message}</Notice> : null}
      <form className="device-setup__form" onSubmit={onFormSubmit} noValidate>
        <label htmlFor={inputId} className="device-setup__label">
          Setup code
        </label>
        <input
          id={inputId}
          className="device-setup__input"
          data-testid="device-code-input"
          value={value}
          placeholder="K7QMD-2XH9P"
          onChange={(event) => {
            setValue(event.target.value);
            clearProblem();
          }}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${inputId}-problem` : undefined}
        />
        {problem ? (
          <p id={`${inputId}-problem`} className="device-setup__problem" data-testid="device-setup-error" role="alert">
            {problem}
          </p>
        ) : null}
        <Button type="submit" size="large" wide data-testid="device-code-submit" disabled={busy} aria-busy={busy}>
          {busy ? 'Setting up…' : 'Set up this iPad'}
        </Button>
      </form>
    </Screen>
  );
}
