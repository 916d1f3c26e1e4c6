import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/field';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { changePassword } from './second-factor-api';

/** A new password signs out every other browser and connection of this account. */
export function ChangePasswordForm() {
  const handleError = useStaffErrors();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    try {
      await changePassword({ currentPassword, newPassword });
      setResult({ tone: 'info', text: 'Password changed. Anywhere else you were signed in has been signed out.' });
      setCurrent('');
      setNew('');
    } catch (cause) {
      setResult({ tone: 'error', text: handleError(cause).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="account-security__form" data-testid="change-password" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrent(e.target.value)}
        disabled={busy}
      />
      <TextField
        label="New password"
        hint="At least 12 characters."
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(e) => setNew(e.target.value)}
        disabled={busy}
      />
      {result ? <Notice tone={result.tone}>{result.text}</Notice> : null}
      <Button type="submit" variant="secondary" disabled={busy || currentPassword === '' || newPassword === ''}>
        Change password
      </Button>
    </form>
  );
}
