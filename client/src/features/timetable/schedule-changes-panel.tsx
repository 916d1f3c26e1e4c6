import { Link } from 'wouter';
import { areaPaths } from '../../lib/staff/staff-sections';
import { useState } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useSchoolTime, useStaffErrors } from '../../lib/staff/staff-context';
import { LoadState } from '../../ui/staff-section';
import { useInvalidate, type StaffQuery } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { acceptReplacement, type ScheduleChange } from './timetable-api';
import { changeContext, describeChange, hasProposedReplacement, isReplacementBooked } from './schedule-words';
import { timetableKeys } from './timetable-queries';

/** Cancelled and booked sessions at both schools of every partnership, newest first. */
export function ScheduleChangesPanel({ changes }: { changes: StaffQuery<ScheduleChange[]> }) {
  const time = useSchoolTime();
  const invalidate = useInvalidate();
  // A booking is a change to sessions, and on the audit trail.
  const bookedReplacement = () => void invalidate(timetableKeys.changes(), timetableKeys.allSeries(), auditKeys.all);
  return (
    <div className="schedule-changes" data-testid="schedule-changes">
      <div className="scheduling-panel__head">
        <h3 className="scheduling-panel__title">Changes to sessions</h3>
      </div>
      <p className="staff-muted">
        INSET days and other closures are added, and undone, in <Link href={areaPaths.calendar}>School calendar</Link>, which says first which sessions they cancel.
      </p>
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
