import { useId, useState, type FormEvent } from 'react';
import { parseSetupCode } from '../../lib/device-token';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import './device.css';

export interface DeviceSetupProps {
  /** Why we are here again, e.g. the server no longer recognises this iPad. */
  message: string | null;
  onSubmit: (token: string) => void;
}

/** Shown on an iPad with no device token. Staff paste the setup code (or link) once. */
export function DeviceSetup({ message, onSubmit }: DeviceSetupProps) {
  const inputId = useId();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = parseSetupCode(value);
    if (!token) {
      setProblem('Paste the setup code from the staff page first.');
      return;
    }
    onSubmit(token);
  };

  return (
    <Screen centred data-testid="device-setup" className="device-setup">
      <p className="device-setup__brand">Peerbridge</p>
      <h1 className="device-setup__title">This iPad isn't set up for Peerbridge yet</h1>
      <p className="device-setup__lead">
        A member of staff can set it up by opening the setup link on this iPad, or by pasting the setup code below.
      </p>
      {message ? <Notice tone="error">{message}</Notice> : null}
      <form className="device-setup__form" onSubmit={submit} noValidate>
        <label htmlFor={inputId} className="device-setup__label">
          Setup code
        </label>
        <input
          id={inputId}
          className="device-setup__input"
          data-testid="device-code-input"
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
            setProblem(null);
          }}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${inputId}-problem` : undefined}
        />
        {problem ? (
          <p id={`${inputId}-problem`} className="device-setup__problem">
            {problem}
          </p>
        ) : null}
        <Button type="submit" size="large" wide data-testid="device-code-submit">
          Set up this iPad
        </Button>
      </form>
    </Screen>
  );
}
