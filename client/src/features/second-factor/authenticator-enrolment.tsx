import { useState, type FormEvent } from 'react';
import type { StartEnrolmentResponse } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/field';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { confirmEnrolment, startEnrolment } from './second-factor-api';

/**
 * Adding an authenticator app: the secret (typed in or opened as an otpauth
 * link on the same device), then the app's first code, then the recovery codes,
 * which are shown only this once.
 */
export function AuthenticatorEnrolment({ replacing, onEnrolled }: { replacing: boolean; onEnrolled: () => void }) {
  const handleError = useStaffErrors();
  const [pending, setPending] = useState<StartEnrolmentResponse | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (cause) {
      setError(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const confirmed = await confirmEnrolment(code);
      setRecoveryCodes(confirmed.recoveryCodes);
    });
  };

  if (recoveryCodes) {
    return (
      <div data-testid="recovery-codes">
        <Notice tone="info">Your authenticator is set up.</Notice>
        <p>
          Keep these recovery codes somewhere safe (not on this device). Each works once, if you lose your phone. They will not be
          shown again.
        </p>
        <ul className="account-security__codes">
          {recoveryCodes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <Button onClick={onEnrolled}>I have kept them</Button>
      </div>
    );
  }

  if (!pending) {
    return (
      <>
        {error ? <Notice tone="error">{error}</Notice> : null}
        <Button data-testid="enrolment-start" disabled={busy} onClick={() => void run(async () => setPending(await startEnrolment()))}>
          {replacing ? 'Replace my authenticator app' : 'Set up an authenticator app'}
        </Button>
      </>
    );
  }

  return (
    <form className="account-security__form" data-testid="enrolment-form" onSubmit={confirm} noValidate>
      <p>In your authenticator app, add an account with this key (or open the link on the phone that has the app):</p>
      <p className="account-security__secret" data-testid="enrolment-secret">
        {pending.secret}
      </p>
      <a href={pending.otpauthUri} data-testid="enrolment-uri">
        Open in an authenticator app
      </a>
      <TextField
        label="The 6-digit code the app now shows"
        className="step-up__code"
        data-testid="enrolment-code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        disabled={busy}
      />
      {error ? <Notice tone="error">{error}</Notice> : null}
      <Button type="submit" data-testid="enrolment-confirm" disabled={busy || code.trim() === ''}>
        Confirm
      </Button>
    </form>
  );
}
