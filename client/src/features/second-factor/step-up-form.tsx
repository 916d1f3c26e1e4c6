import { useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { areaPaths } from '../../lib/staff/staff-sections';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/field';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { stepUp } from './second-factor-api';
import { looksLikeAppCode, type StepUpNeed } from './step-up';
import './second-factor.css';

export interface StepUpFormProps {
  need: NonNullable<StepUpNeed>;
  /** Passed: load the record again. */
  onDone: () => void;
}

/** Shown in place of a safeguarding record when the server wants the second factor first. */
export function StepUpForm({ need, onDone }: StepUpFormProps) {
  const handleError = useStaffErrors();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!need.enrolled) {
    return (
      <Notice tone="info" data-testid="step-up-enrol-first">
        Safeguarding records need a code from an authenticator app. Set one up in{' '}
        <Link href={areaPaths.account} data-testid="step-up-enrol-link">
          Your account
        </Link>
        , then come back.
      </Notice>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await stepUp(looksLikeAppCode(code) ? { code } : { recoveryCode: code });
      onDone();
    } catch (cause) {
      setError(handleError(cause).message);
      setCode('');
      setBusy(false);
    }
  };

  return (
    <form className="step-up" data-testid="step-up-form" onSubmit={(event) => void submit(event)} noValidate>
      <TextField
        label="Code from your authenticator app"
        hint="Or one of your recovery codes."
        className="step-up__code"
        data-testid="step-up-code"
        inputMode="text"
        autoComplete="one-time-code"
        autoCapitalize="off"
        spellCheck={false}
        value={code}
        onChange={(event) => setCode(event.target.value)}
        disabled={busy}
      />
      {error ? (
        <Notice tone="error" data-testid="step-up-error">
          {error}
        </Notice>
      ) : null}
      <Button type="submit" data-testid="step-up-submit" disabled={busy || code.trim() === ''} aria-busy={busy}>
        {busy ? 'Checking…' : 'Open the record'}
      </Button>
    </form>
  );
}
