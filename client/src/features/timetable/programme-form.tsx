import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/notice';
import { Field, TextField } from '../../ui/field';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { checkDraft, draftFrom, GOALS_MAX, type ProgrammeDraft } from './programme-draft';
import { cancelledSummary, cancelSummary } from '../school-calendar/change-words';
import { saveProgramme, type CancelledSession, type Programme, type ProgrammeInput } from './timetable-api';
import { timetableKeys } from './timetable-queries';

/**
 * The partnership's programme: its dates, session length, goals and how many
 * mentees a mentor may take. Candidate times depend on all of it, so saving
 * refetches them. Key it by partnership and saved programme, so the fields
 * start again from what the server holds.
 */
export function ProgrammeForm({ partnershipId, programme }: { partnershipId: string; programme: Programme | null }) {
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const [draft, setDraft] = useState<ProgrammeDraft>(() => draftFrom(programme));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  /** A change that would cancel booked sessions waits here for the coordinator's yes. */
  const [pending, setPending] = useState<{ input: ProgrammeInput; cancelled: CancelledSession[] } | null>(null);

  const edit = (change: Partial<ProgrammeDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setSaved(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    if (!checked.ok) {
      setError(checked.message);
      return;
    }
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      // New dates can leave booked sessions outside the programme: say which before saving.
      const preview = await saveProgramme(partnershipId, checked.input, true);
      if (preview.cancelled.length === 0) await save(checked.input);
      else setPending({ input: checked.input, cancelled: preview.cancelled });
    } catch (cause) {
      setError(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const save = async (input: ProgrammeInput) => {
    const result = await saveProgramme(partnershipId, input);
    setPending(null);
    setSaved(`Programme saved. ${cancelledSummary(result.cancelled)} The possible times below now follow it.`);
    void invalidate(timetableKeys.programme(partnershipId), timetableKeys.allCandidates(), timetableKeys.changes());
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await save(pending.input);
    } catch (cause) {
      setPending(null);
      setError(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="programme-form" data-testid="programme-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="closure-form__fields" disabled={busy}>
        <legend className="pb-field__label">{programme ? 'The programme' : 'Set up the programme'}</legend>
        <TextField label="First day" type="date" value={draft.start} onChange={(e) => edit({ start: e.target.value })} />
        <TextField label="Last day" type="date" value={draft.end} onChange={(e) => edit({ end: e.target.value })} />
        <TextField
          label="Session length (minutes)"
          type="number"
          inputMode="numeric"
          min={10}
          max={120}
          step={5}
          className="programme-form__number"
          value={draft.sessionMinutes}
          onChange={(e) => edit({ sessionMinutes: e.target.value })}
        />
        <TextField
          label="Mentees per mentor"
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          className="programme-form__number"
          value={draft.caseloadLimit}
          onChange={(e) => edit({ caseloadLimit: e.target.value })}
        />
        <Field label="Goals" hint={`${draft.goals.trim().length} of ${GOALS_MAX} characters.`} className="programme-form__goals">
          {(control) => (
            <textarea {...control} className="pb-input" rows={3} value={draft.goals} onChange={(e) => edit({ goals: e.target.value })} />
          )}
        </Field>
        <Button type="submit" data-testid="programme-save" aria-busy={busy}>
          {busy ? 'Saving…' : 'Save programme'}
        </Button>
      </fieldset>
      {error ? (
        <Notice tone="error" data-testid="programme-error">
          {error}
        </Notice>
      ) : null}
      {saved ? (
        <p className="staff-saved" data-testid="programme-saved">
          {saved}
        </p>
      ) : null}
      {pending ? (
        <ConfirmDialog
          title="Save the programme and cancel these sessions?"
          confirmLabel={`Save and cancel ${pending.cancelled.length}`}
          cancelLabel="Go back"
          confirmTestId="programme-confirm-save"
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => void confirm()}
        >
          <p data-testid="programme-confirm-summary">{cancelSummary(pending.cancelled)}</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
