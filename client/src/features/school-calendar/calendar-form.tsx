import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/field';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { timetableKeys } from '../timetable/timetable-queries';
import { BellTimesEditor } from './bell-times-editor';
import { bodyFrom, draftFrom, type CalendarDraft } from './calendar-draft';
import { checkCalendar, serverProblems, TIME_ZONE_FIELD, unplacedProblems, type FieldProblems } from './calendar-problems';
import { CalendarPreviewPanel } from './calendar-preview-panel';
import { cancelledSummary, cancelSummary, replacementWords } from './change-words';
import { CycleFields, TermsEditor } from './cycle-and-terms';
import { saveSchoolCalendar, type CancelledSession, type Closure, type SavedCalendar, type SchoolCalendarBody } from './school-calendar-api';
import { schoolCalendarKeys } from './school-calendar-queries';

export interface CalendarFormProps {
  calendar: SavedCalendar | null;
  timeZone: string;
  closures: readonly Closure[];
  today: string;
  /** Said above the form once saved: the form itself starts again from what the server holds. */
  onSaved: (message: string | null) => void;
}

/**
 * The school's bell times, cycle and terms in one form, saved together. A
 * save is tried first as a dry run: when it would cancel booked sessions the
 * coordinator reads which before saying yes.
 */
export function CalendarForm({ calendar, timeZone, closures, today, onSaved }: CalendarFormProps) {
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const [draft, setDraft] = useState<CalendarDraft>(() => draftFrom(calendar, timeZone));
  const [problems, setProblems] = useState<FieldProblems>({});
  const [checked, setChecked] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<{ body: SchoolCalendarBody; cancelled: CancelledSession[] } | null>(null);

  const edit = (change: (draft: CalendarDraft) => CalendarDraft) => {
    const next = change(draft);
    setDraft(next);
    // Once a save was refused, the marks follow the typing, so a fixed box clears at once.
    if (checked) {
      const result = checkCalendar(next, today);
      setProblems(result.ok ? {} : result.problems);
    }
  };

  const fail = (cause: unknown) => {
    const refused = serverProblems(handleError(cause), draft, today);
    setProblems(refused.fields);
    const unplaced = unplacedProblems(refused.fields);
    setGeneral(refused.general ?? (unplaced.length > 0 ? unplaced.join(' ') : 'Nothing was saved: fix the problems marked above.'));
  };

  const save = async (body: SchoolCalendarBody) => {
    const result = await saveSchoolCalendar(body, false);
    setPending(null);
    void invalidate(schoolCalendarKeys.all, timetableKeys.all, auditKeys.all);
    const replacements = replacementWords(result.cancelled);
    onSaved(`Calendar saved. ${cancelledSummary(result.cancelled)}${replacements ? ` ${replacements}` : ''}`);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    setGeneral(null);
    onSaved(null);
    const result = checkCalendar(draft, today);
    if (!result.ok) {
      setProblems(result.problems);
      const unplaced = unplacedProblems(result.problems);
      const marked = Object.keys(result.problems).length - unplaced.length;
      const markedWords = marked > 0 ? ` fix the ${marked === 1 ? 'problem' : 'problems'} marked above.` : '';
      setGeneral(`Nothing was saved:${markedWords}${unplaced.length > 0 ? ` ${unplaced.join(' ')}` : ''}`);
      return;
    }
    setProblems({});
    setBusy(true);
    try {
      const preview = await saveSchoolCalendar(result.body, true);
      if (preview.cancelled.length === 0) await save(result.body);
      else setPending({ body: result.body, cancelled: preview.cancelled });
    } catch (cause) {
      fail(cause);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await save(pending.body);
    } catch (cause) {
      setPending(null);
      fail(cause);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="calendar-form" data-testid="calendar-form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="calendar-form__fields">
        <fieldset className="calendar-form__column" disabled={busy}>
          <TextField
            label="Time zone"
            hint="As the school's clocks keep it, e.g. Europe/London."
            data-testid="calendar-time-zone"
            value={draft.timeZone}
            error={problems[TIME_ZONE_FIELD]}
            onChange={(event) => {
              const zone = event.target.value;
              edit((d) => ({ ...d, timeZone: zone }));
            }}
          />
          <BellTimesEditor draft={draft} problems={problems} onChange={edit} />
        </fieldset>
        <fieldset className="calendar-form__column" disabled={busy}>
          <CycleFields draft={draft} problems={problems} onChange={edit} />
          <TermsEditor draft={draft} problems={problems} onChange={edit} />
        </fieldset>
      </div>

      <CalendarPreviewPanel calendar={bodyFrom(draft, today)} closures={closures} today={today} />

      <div className="calendar-form__actions">
        <Button type="submit" data-testid="calendar-save" disabled={busy} aria-busy={busy}>
          {busy ? 'Checking…' : calendar ? 'Save the calendar' : 'Set up the calendar'}
        </Button>
        {general ? (
          <Notice tone="error" data-testid="calendar-error">
            {general}
          </Notice>
        ) : null}
      </div>

      {pending ? (
        <ConfirmDialog
          title="Save the calendar and cancel these sessions?"
          confirmLabel={`Save and cancel ${pending.cancelled.length}`}
          cancelLabel="Go back"
          confirmTestId="calendar-confirm-save"
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => void confirm()}
        >
          <p data-testid="calendar-confirm-summary">{cancelSummary(pending.cancelled)}</p>
          <p>Each cancelled session gets a replacement time in the same week where one fits; both schools' coordinators see it in the Timetable.</p>
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
