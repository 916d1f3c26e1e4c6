import { useState, type FormEvent } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/field';
import { checkSetup, MIN_PASSWORD_LENGTH } from './setup-account';
import { setStaffPassword } from './staff-api';

/**
 * First visit of a newly imported member of staff: the one-time code from
 * their coordinator and a password of their own. It does not sign them in;
 * they sign in with the new password, like every other day.
 */
export function StaffSetupAccount({ onBack }: { onBack: () => void }) {
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkSetup({ code, password, again });
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await setStaffPassword(checked.code, checked.password);
      setDone(true);
      setCode('');
    } catch (cause) {
      setError(toPeerbridgeError(cause).message);
    } finally {
      // The passwords never stay in the page longer than needed.
      setPassword('');
      setAgain('');
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="staff-login" data-testid="setup-account">
        <Notice tone="info" data-testid="setup-result">
          Your password is set; sign in.
        </Notice>
        <Button size="large" wide onClick={onBack}>
          Sign in
        </Button>
      </div>
    );
  }

  return (
    <form className="staff-login" data-testid="setup-account" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="Set-up code"
        data-testid="setup-code"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        disabled={busy}
      />
      <TextField
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        data-testid="setup-password"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        disabled={busy}
      />
      <TextField
        label="The same password again"
        data-testid="setup-password-again"
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(event) => setAgain(event.target.value)}
        disabled={busy}
      />
      {error ? (
        <Notice tone="error" data-testid="setup-error">
          {error}
        </Notice>
      ) : null}
      <Button type="submit" size="large" wide data-testid="setup-submit" disabled={busy} aria-busy={busy}>
        {busy ? 'Setting your password…' : 'Set my password'}
      </Button>
      <Button variant="quiet" wide onClick={onBack} disabled={busy}>
        Back to sign in
      </Button>
    </form>
  );
}
