import { useState, type FormEvent } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { TextField } from '../../ui/field';
import { StaffSetupAccount } from './staff-setup-account';

export interface StaffLoginProps {
  /** Why the form is showing, e.g. the sign-in ran out. */
  message: string | null;
  onSignIn: (email: string, password: string) => Promise<void>;
}

export function StaffLogin({ message, onSignIn }: StaffLoginProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // New staff arrive with a one-time set-up code instead of a password.
  const [settingUp, setSettingUp] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSignIn(email.trim(), password);
      // Signed in: this form is unmounted, so no more state updates here.
    } catch (cause) {
      setError(toPeerbridgeError(cause).message);
      setPassword('');
      setBusy(false);
    }
  };

  if (settingUp) {
    return (
      <Screen centred className="staff-login-screen">
        <p className="staff-brand">Peerbridge · Staff</p>
        <h1 className="staff-login__title">Set up your account</h1>
        <StaffSetupAccount onBack={() => setSettingUp(false)} />
      </Screen>
    );
  }

  return (
    <Screen centred className="staff-login-screen">
      <p className="staff-brand">Peerbridge · Staff</p>
      <h1 className="staff-login__title">Sign in</h1>
      {message ? (
        <Notice tone="info" data-testid="staff-login-message">
          {message}
        </Notice>
      ) : null}
      <form className="staff-login" data-testid="staff-login" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          label="School email"
          data-testid="staff-email"
          type="email"
          autoComplete="username"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          disabled={busy}
        />
        <TextField
          label="Password"
          data-testid="staff-password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          disabled={busy}
        />
        {error ? (
          <Notice tone="error" data-testid="staff-login-error">
            {error}
          </Notice>
        ) : null}
        <Button type="submit" size="large" wide data-testid="staff-login-submit" disabled={busy} aria-busy={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <Button variant="quiet" data-testid="setup-account-link" onClick={() => setSettingUp(true)}>
        I have a set-up code
      </Button>
    </Screen>
  );
}
