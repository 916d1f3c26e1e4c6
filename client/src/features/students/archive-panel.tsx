import { useState } from 'react';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Field, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { LoadState } from '../../ui/staff-section';
import { useSchoolTime, useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { timetableKeys } from '../timetable/timetable-queries';
import { archiveStudent } from '../timetable/series-lifecycle-api';
import { archivedWords, archiveWarning } from './archive-words';
import type { SchoolStudent } from './students-api';
import { useArchivedStudents } from './students-queries';

/**
 * A student who has left: archive them (their pairings end, they cannot sign in, their
 * records stay), and see who has been archived.
 */
export function ArchivePanel({ students, onArchived }: { students: readonly SchoolStudent[]; onArchived: () => Promise<void> }) {
  const time = useSchoolTime();
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const [studentId, setStudentId] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const archived = useArchivedStudents(showArchived);
  const chosen = students.find((s) => s.id === studentId);
  const name = chosen ? `${chosen.firstName} ${chosen.lastName}` : '';

  const archive = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const result = await archiveStudent(studentId, reason.trim() || undefined);
      setDone(result.message);
      setStudentId('');
      setReason('');
      // Their pairings ended: the timetable's pairing list, sessions and change log move too.
      await Promise.all([onArchived(), invalidate(timetableKeys.all)]);
    } catch (cause) {
      setProblem(handleError(cause).message);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div className="archive-panel" data-testid="archive-panel">
      <h3 className="scheduling-panel__title">A student has left</h3>
      <div className="archive-panel__fields">
        <Field label="Student" error={problem ?? undefined} errorTestId="archive-problem">
          {(control) => (
            <select {...control} className="pb-input" data-testid="archive-student" value={studentId} onChange={(e) => setStudentId(e.target.value)}>
              <option value="">Choose a student…</option>
              {students.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.firstName} {s.lastName} (Year {s.yearGroup})
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField label="Reason (optional)" data-testid="archive-reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button variant="secondary" data-testid="archive-open" disabled={!studentId || busy} onClick={() => setConfirming(true)}>
          Archive…
        </Button>
      </div>
      {done ? (
        <Notice tone="info" data-testid="archive-result">
          {done}
        </Notice>
      ) : null}
      {confirming ? (
        <ConfirmDialog title={`Archive ${name}?`} confirmLabel="Archive" cancelLabel="Keep" confirmTestId="archive-confirm" busy={busy} onConfirm={() => void archive()} onCancel={() => setConfirming(false)}>
          <p>{archiveWarning(name)}</p>
        </ConfirmDialog>
      ) : null}
      <label className="archive-panel__toggle">
        <input type="checkbox" data-testid="show-archived" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived students
      </label>
      {showArchived ? (
        <>
          <LoadState loading={archived.loading} error={archived.error} hasData={archived.data !== null} onRetry={() => void archived.refresh()} what="archived students" />
          {archived.data && archived.data.length === 0 ? <p className="staff-muted">Nobody has been archived.</p> : null}
          <ul className="staff-list" aria-label="Archived students">
            {(archived.data ?? []).map((s) => (
              <li key={s.id} className="staff-row" data-testid="archived-student">
                <span className="staff-row__title">
                  {s.firstName} {s.lastName}
                </span>
                <span className="staff-muted">{archivedWords(s, time.date)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
