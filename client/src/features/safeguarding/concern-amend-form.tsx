import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Field } from '../../ui/field';
import { useStaffErrors } from '../../lib/staff/staff-context';
import {
  allowedChoices,
  buildAmendment,
  choiceLabels,
  emptyAmendFields,
  type AmendChoice,
  type AmendFields,
} from './concern-amendments';
import { amendConcern, type ConcernRecord } from './concerns-api';

export interface ConcernAmendFormProps {
  concern: ConcernRecord;
  onAmended: (concern: ConcernRecord) => void;
}

/**
 * The only way to change a concern: add an entry. The choices follow the
 * workflow (the server checks the same rules and its refusal is shown as is).
 */
export function ConcernAmendForm({ concern, onAmended }: ConcernAmendFormProps) {
  const id = useId();
  const handleError = useStaffErrors();
  const choices = allowedChoices(concern.status);
  const [picked, setChoice] = useState<AmendChoice>(choices[0]!);
  // After a status change the previous choice may no longer be allowed: fall back to the next step.
  const choice = choices.includes(picked) ? picked : choices[0]!;
  const [fields, setFields] = useState<AmendFields>(emptyAmendFields);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const set = (key: keyof AmendFields) => (event: { target: { value: string } }) => {
    setFields((f) => ({ ...f, [key]: event.target.value }));
    setSaved(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildAmendment(choice, fields);
    if (!built.ok) {
      setProblem(built.problem);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const updated = await amendConcern(concern.id, built.body);
      setFields(emptyAmendFields);
      setSaved('Added to the record.');
      onAmended(updated);
    } catch (error) {
      // 409: the workflow refused it (e.g. closing before "in progress"); 400 names what is missing.
      setProblem(handleError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const textField = (key: 'text' | 'reason' | 'summary' | 'actionsTaken' | 'outcome', label: string, testId: string) => (
    <Field label={label}>
      {(control) => (
        <textarea
          {...control}
          className="pb-input concern-form__text"
          data-testid={testId}
          rows={3}
          maxLength={4000}
          value={fields[key]}
          onChange={set(key)}
          disabled={busy}
        />
      )}
    </Field>
  );

  return (
    <form className="concern-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`} className="concern-block__title">
        Add to the record
      </h4>
      <Field label="What are you adding?">
        {(control) => (
          <select
            {...control}
            className="pb-input concern-form__select"
            data-testid="concern-amend-kind"
            value={choice}
            onChange={(event) => {
              setChoice(event.target.value as AmendChoice);
              setProblem(null);
              setSaved(null);
            }}
            disabled={busy}
          >
            {choices.map((c) => (
              <option key={c} value={c}>
                {choiceLabels[c]}
              </option>
            ))}
          </select>
        )}
      </Field>

      {choice === 'acknowledged' || choice === 'in_progress' ? (
        <p className="staff-muted">This records the change of status, with your name and the time.</p>
      ) : null}
      {choice === 'note' ? textField('text', 'Note', 'concern-amend-text') : null}
      {choice === 'action' ? textField('text', 'What was done, by whom', 'concern-amend-text') : null}
      {choice === 'decision' ? (
        <>
          {textField('text', 'Decision', 'concern-amend-text')}
          {textField('reason', 'Reason for the decision', 'concern-amend-reason')}
        </>
      ) : null}
      {choice === 'close' ? (
        <>
          <p className="staff-muted">A closed concern accepts notes only. To reopen it, raise a new concern.</p>
          {textField('summary', 'Summary', 'concern-close-summary')}
          {textField('actionsTaken', 'Actions taken', 'concern-close-actions')}
          {textField('outcome', 'Outcome', 'concern-close-outcome')}
        </>
      ) : null}

      {problem ? (
        <Notice tone="error" data-testid="concern-amend-error">
          {problem}
        </Notice>
      ) : null}
      {saved ? (
        <p className="staff-saved" role="status">
          {saved}
        </p>
      ) : null}
      <div className="staff-inline-form__row">
        <Button type="submit" data-testid="concern-amend-submit" disabled={busy}>
          {busy ? 'Saving…' : choice === 'close' ? 'Close the concern' : 'Add to the record'}
        </Button>
      </div>
    </form>
  );
}
