import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/field';
import { formatCalendarDate } from '../../lib/school-time';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { timetableKeys } from '../timetable/timetable-queries';
import { checkClosure, type ClosureDraft, type FieldProblems } from './calendar-problems';
import { closureWords } from './calendar-preview';
import { cancelledSummary, cancelSummary, closureCancelledWords, replacementWords, undoSummary } from './change-words';
import { addClosure, removeClosure, type Closure, type ClosureInput } from './school-calendar-api';
import { schoolCalendarKeys } from './school-calendar-queries';

const EMPTY: ClosureDraft = { date: '', from: '', to: '', reason: '' };

/** What is waiting for the coordinator's yes: the dry run's words and the real change. */
interface Pending {
  title: string;
  summary: string;
  confirmLabel: string;
  apply: () => Promise<void>;
}

/**
 * INSET days, trips, exams and snow days: each closes the school for a day or
 * some hours of it, and cancels the sessions booked then. Adding one or
 * taking one away is tried as a dry run first, and asks when sessions change.
 */
export function ClosuresPanel({ closures, today }: { closures: readonly Closure[]; today: string }) {
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const [draft, setDraft] = useState<ClosureDraft>(EMPTY);
  const [problems, setProblems] = useState<FieldProblems>({});
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [result, setResult] = useState<{ message: string; undoId: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [showPast, setShowPast] = useState(false);

  const refetch = () => void invalidate(schoolCalendarKeys.all, timetableKeys.all, auditKeys.all);

  /** Runs a dry run, then the change itself: at once when it changes no session, after a yes when it does. */
  const run = async (dry: () => Promise<Pending | null>) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const ask = await dry();
      if (ask) setPending(ask);
    } catch (cause) {
      setError(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const add = (input: ClosureInput) =>
    run(async () => {
      const apply = async () => {
        const added = await addClosure(input, false);
        const replacements = replacementWords(added.cancelled);
        setDraft(EMPTY);
        setResult({ message: `Closure added. ${cancelledSummary(added.cancelled)}${replacements ? ` ${replacements}` : ''}`, undoId: added.closureId });
        refetch();
      };
      const preview = await addClosure(input, true);
      if (preview.cancelled.length === 0) {
        await apply();
        return null;
      }
      return { title: 'Add this closure and cancel these sessions?', summary: cancelSummary(preview.cancelled), confirmLabel: `Close and cancel ${preview.cancelled.length}`, apply };
    });

  const remove = (closureId: string) =>
    run(async () => {
      const apply = async () => {
        const removed = await removeClosure(closureId, false);
        setResult({ message: `Closure removed. ${undoSummary(removed, true)}`, undoId: null });
        refetch();
      };
      const preview = await removeClosure(closureId, true);
      if (preview.restored.length === 0 && preview.stillCancelled.length === 0) {
        await apply();
        return null;
      }
      return { title: 'Remove this closure?', summary: undoSummary(preview, false), confirmLabel: 'Remove the closure', apply };
    });

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      await pending.apply();
    } catch (cause) {
      setError(handleError(cause).message);
    } finally {
      setPending(null);
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkClosure(draft);
    setProblems(checked.ok ? {} : checked.problems);
    if (checked.ok) void add(checked.input);
  };

  const edit = (change: Partial<ClosureDraft>) => setDraft((d) => ({ ...d, ...change }));
  const shown = [...closures].filter((c) => showPast || c.date >= today).sort((a, b) => a.date.localeCompare(b.date));
  const past = closures.length - closures.filter((c) => c.date >= today).length;

  return (
    <section className="calendar-closures" data-testid="calendar-closures" aria-label="INSET days and closures">
      <h3 className="scheduling-panel__title">INSET days and closures</h3>
      {shown.length === 0 ? <p className="staff-muted">No closures ahead.</p> : null}
      <ul className="calendar-closures__list">
        {shown.map((closure) => (
          <li key={closure.id} className="calendar-closure" data-testid="calendar-closure" data-closure-id={closure.id} data-date={closure.date}>
            <div>
              <strong>{formatCalendarDate(closure.date)}</strong> · {closureWords(closure)}
              <p className="staff-muted" data-testid="calendar-closure-cancelled">
                {closureCancelledWords(closure.cancelledSessions)}
              </p>
            </div>
            <Button variant="secondary" data-testid="calendar-closure-remove" disabled={busy} onClick={() => void remove(closure.id)}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      {past > 0 ? (
        <Button variant="quiet" onClick={() => setShowPast((s) => !s)}>
          {showPast ? 'Hide past closures' : `Show ${past} past ${past === 1 ? 'closure' : 'closures'}`}
        </Button>
      ) : null}

      {result ? (
        <div className="calendar-closures__result" data-testid="calendar-closure-result" role="status">
          <p>{result.message}</p>
          {result.undoId ? (
            <Button variant="secondary" data-testid="calendar-closure-undo" disabled={busy} onClick={() => void remove(result.undoId!)}>
              Undo
            </Button>
          ) : null}
        </div>
      ) : null}
      {error ? (
        <Notice tone="error" data-testid="calendar-closure-error">
          {error}
        </Notice>
      ) : null}

      <form className="closure-form" data-testid="calendar-closure-form" onSubmit={submit} noValidate>
        <fieldset className="closure-form__fields" disabled={busy}>
          <legend className="pb-field__label">Add an INSET day or closure</legend>
          <TextField label="Date" type="date" data-testid="calendar-closure-date" value={draft.date} error={problems.date} onChange={(e) => edit({ date: e.target.value })} />
          <TextField label="From (optional)" placeholder="13:00" data-testid="calendar-closure-from" value={draft.from} error={problems.from} onChange={(e) => edit({ from: e.target.value })} />
          <TextField label="To (optional)" placeholder="15:10" data-testid="calendar-closure-to" value={draft.to} error={problems.to} onChange={(e) => edit({ to: e.target.value })} />
          <TextField
            label="Reason"
            fieldClassName="closure-form__reason"
            placeholder="INSET day"
            maxLength={200}
            data-testid="calendar-closure-reason"
            value={draft.reason}
            error={problems.reason}
            onChange={(e) => edit({ reason: e.target.value })}
          />
          <Button type="submit" data-testid="calendar-closure-add" aria-busy={busy}>
            {busy ? 'Checking…' : 'Add closure'}
          </Button>
        </fieldset>
      </form>

      {pending ? (
        <ConfirmDialog
          title={pending.title}
          confirmLabel={pending.confirmLabel}
          cancelLabel="Go back"
          confirmTestId="calendar-closure-confirm"
          busy={busy}
          onCancel={() => setPending(null)}
          onConfirm={() => void confirm()}
        >
          <p data-testid="calendar-closure-confirm-summary">{pending.summary}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
