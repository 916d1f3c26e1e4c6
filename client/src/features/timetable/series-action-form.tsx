import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { serverProblems, type FieldProblems } from '../deployment/form-problems';
import type { LifecycleResult } from './series-lifecycle-api';
import { conflictMessages } from './schedule-words';

/**
 * One lifecycle action as a small form: its fields, a submit button, what the server said.
 * A refusal that names a field shows by that field; a clash (a move) lists every reason.
 */
export function SeriesActionForm({
  testId,
  submitLabel,
  check,
  send,
  onDone,
  children,
}: {
  testId: string;
  submitLabel: string;
  /** Problems found before sending, by field; empty when the form may be sent. */
  check: () => FieldProblems;
  send: () => Promise<LifecycleResult>;
  onDone: (result: LifecycleResult) => void;
  children: (problems: FieldProblems) => ReactNode;
}) {
  const handleError = useStaffErrors();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [refusal, setRefusal] = useState<string[] | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const found = check();
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onDone(await send());
    } catch (cause) {
      const error = handleError(cause);
      const { fields } = serverProblems(error);
      setProblems(fields);
      if (Object.keys(fields).length === 0) setRefusal(conflictMessages(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="series-action" data-testid={testId} onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="series-action__fields" disabled={busy}>
        {children(problems)}
        <Button type="submit" variant="secondary" data-testid={`${testId}-submit`} aria-busy={busy}>
          {busy ? 'Saving…' : submitLabel}
        </Button>
      </fieldset>
      {refusal ? (
        <Notice tone="error" data-testid={`${testId}-refused`}>
          {refusal.length === 1 ? (
            refusal[0]
          ) : (
            <ul>
              {refusal.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </Notice>
      ) : null}
    </form>
  );
}
