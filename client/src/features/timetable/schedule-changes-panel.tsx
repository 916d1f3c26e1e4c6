import { useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useSchoolTime, useStaffErrors } from '../../lib/staff/staff-context';
import { LoadState, RefreshButton } from '../../ui/staff-section';
import { TextField } from '../../ui/field';
import { useInvalidate, type StaffQuery } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { acceptReplacement, addClosure, type CancelledSession, type ScheduleChange } from './timetable-api';
import { changeContext, describeChange, hasProposedReplacement, isReplacementBooked } from './schedule-words';
import { timetableKeys } from './timetable-queries';

/** Cancelled and booked sessions at both schools of every partnership, newest first, and closures. */
export function ScheduleChangesPanel({ changes }: { changes: StaffQuery<ScheduleChange[]> }) {
  const time = useSchoolTime();
  const invalidate = useInvalidate();
  // A booking or a closure is a change to sessions, and on the audit trail; a closure also loses candidate dates.
  const bookedReplacement = () => void invalidate(timetableKeys.changes(), timetableKeys.allSeries(), auditKeys.all);
  const addedClosure = () => void invalidate(timetableKeys.changes(), timetableKeys.allCandidates(), timetableKeys.allSeries(), auditKeys.all);
  return (
    <div className="schedule-changes" data-testid="schedule-changes">
      <div className="scheduling-panel__head">
        <h3 className="scheduling-panel__title">Changes to sessions</h3>
        <RefreshButton onClick={() => void changes.refresh()} loading={changes.loading} />
      </div>
      <ClosureForm onAdded={addedClosure} />
      <LoadState
        loading={changes.loading}
        error={changes.error}
        hasData={changes.data !== null}
        onRetry={() => void changes.refresh()}
        what="changes"
      />
      {changes.data && changes.data.length === 0 ? <p className="staff-muted">No sessions booked or cancelled yet.</p> : null}
      {changes.data && changes.data.length > 0 ? (
        <ul className="staff-list" aria-label="Changes to sessions">
          {changes.data.map((change, _index, all) => {
            const words = describeChange(change, time);
            return (
              <li
                key={String(change.id)}
                className={`staff-row schedule-change schedule-change--${words.tone}`}
                data-testid="schedule-change"
                data-kind={change.kind}
              >
                <div className="staff-row__main">
                  <span className="staff-row__title">{words.title}</span>
                  <span data-testid="schedule-change-context">{changeContext(change, time)}</span>
                  {words.lines.map((line) => (
                    <span key={line}>{line}</span>
                  ))}
                  <span className="staff-muted">Changed {time.dateTime(change.at)}</span>
                </div>
                {hasProposedReplacement(change) ? (
                  <BookReplacement
                    changeId={change.id}
                    booked={isReplacementBooked(change, all)}
                    onBooked={bookedReplacement}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Book what a closure proposed instead. The result stays beside the button
 * (the row keeps its key while the list reloads underneath with the booking),
 * and a refusal (already booked, a new clash) is the server's reason, word for word.
 */
function BookReplacement({ changeId, booked, onBooked }: { changeId: ScheduleChange['id']; booked: boolean; onBooked: () => void }) {
  const handleError = useStaffErrors();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);

  const book = async () => {
    setBusy(true);
    setResult(null);
    try {
      const booked = await acceptReplacement(changeId);
      setResult({ ok: true, message: `Booked for ${booked.when}.` });
      onBooked();
    } catch (cause) {
      setResult({ ok: false, message: handleError(cause).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="schedule-change__book">
      {result?.ok ? null : booked ? (
        <span className="staff-saved">Replacement booked.</span>
      ) : (
        <Button variant="secondary" data-testid="book-replacement" onClick={() => void book()} disabled={busy} aria-busy={busy}>
          {busy ? 'Booking…' : 'Book the replacement'}
        </Button>
      )}
      {result ? (
        <Notice tone={result.ok ? 'info' : 'error'} data-testid="replacement-result">
          {result.message}
        </Notice>
      ) : null}
    </div>
  );
}

/** Tell Peerbridge the school is closed (an INSET day, a trip, snow); sessions then are cancelled and moved. */
function ClosureForm({ onAdded }: { onAdded: () => void }) {
  const handleError = useStaffErrors();
  const [date, setDate] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState<CancelledSession[] | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!date || !reason.trim()) {
      setError('Give the date and the reason, e.g. INSET day.');
      return;
    }
    setBusy(true);
    setError(null);
    setCancelled(null);
    try {
      setCancelled(await addClosure({ date, reason: reason.trim(), ...(from ? { from } : {}), ...(to ? { to } : {}) }));
      setDate('');
      setFrom('');
      setTo('');
      setReason('');
      onAdded();
    } catch (cause) {
      setError(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="closure-form" data-testid="closure-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="closure-form__fields" disabled={busy}>
        <legend className="pb-field__label">Add a closure at your school</legend>
        <TextField label="Date" type="date" data-testid="closure-date" value={date} onChange={(e) => setDate(e.target.value)} />
        <TextField label="From (optional)" type="time" data-testid="closure-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label="To (optional)" type="time" data-testid="closure-to" value={to} onChange={(e) => setTo(e.target.value)} />
        <TextField
          label="Reason"
          fieldClassName="closure-form__reason"
          data-testid="closure-reason"
          placeholder="e.g. INSET day"
          maxLength={200}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button type="submit" data-testid="closure-submit" aria-busy={busy}>
          {busy ? 'Adding…' : 'Add closure'}
        </Button>
      </fieldset>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {cancelled ? (
        <Notice tone="info" data-testid="closure-result">
          {cancelled.length === 0 ? (
            'Closure added. No booked sessions were affected.'
          ) : (
            <>
              <p>
                Closure added. {cancelled.length} {cancelled.length === 1 ? 'session was' : 'sessions were'} cancelled:
              </p>
              <ul>
                {cancelled.map((c) => (
                  <li key={c.occurrenceId}>
                    {c.reason}: {c.proposal ? `proposed instead ${c.proposal}` : 'no replacement in the same week'}
                  </li>
                ))}
              </ul>
            </>
          )}
        </Notice>
      ) : null}
    </form>
  );
}
