import type { AttendanceRecordRow, SideAttendance } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { LoadState } from '../../ui/staff-section';
import { usePairingAttendance, useStudentAttendance } from './attendance-queries';
import { countsLine, outcomeTone, outcomeWords, partnerLabel, personName, sideWords } from './attendance-words';

/** One pairing's sessions, newest first: both sides' attendance and what it was worked out from. */
export function PairingAttendancePanel({ pairingId, onClose }: { pairingId: string; onClose: () => void }) {
  const query = usePairingAttendance(pairingId);
  const data = query.data;
  const title = data ? `${personName(data.pairing.mentor)} and ${personName(data.pairing.mentee)}` : 'The pairing';
  return (
    <section className="attendance-detail" data-testid="pairing-attendance" aria-label={`Attendance: ${title}`}>
      <DetailHeader title={title} onClose={onClose} />
      <LoadState loading={query.loading} error={query.error} hasData={data !== null} onRetry={() => void query.refresh()} what="attendance" />
      {data ? (
        <>
          <p data-testid="pairing-counts-mentor">
            {data.pairing.mentor.firstName} (mentor): {countsLine(data.mentorCounts)}
          </p>
          <p data-testid="pairing-counts-mentee">
            {data.pairing.mentee.firstName} (mentee): {countsLine(data.menteeCounts)}
          </p>
          <Records records={data.records} />
        </>
      ) : null}
    </section>
  );
}

/** One student's sessions across their pairings with this school, newest first. */
export function StudentAttendancePanel({ studentId, onClose }: { studentId: string; onClose: () => void }) {
  const query = useStudentAttendance(studentId);
  const data = query.data;
  const title = data ? personName(data.student) : 'The student';
  return (
    <section className="attendance-detail" data-testid="student-attendance" aria-label={`Attendance: ${title}`}>
      <DetailHeader title={title} onClose={onClose} />
      <LoadState loading={query.loading} error={query.error} hasData={data !== null} onRetry={() => void query.refresh()} what="attendance" />
      {data ? (
        <>
          <p data-testid="student-counts">{countsLine(data.counts)}</p>
          {data.pairings.length > 1 ? (
            <p className="staff-muted">
              With {data.pairings.map((p) => `${partnerLabel(p.partner)}${p.ended ? ' (ended)' : ''}`).join('; ')}
            </p>
          ) : null}
          <Records records={data.records} sideOf={(r) => ('side' in r ? (r.side as SideAttendance) : null)} />
        </>
      ) : null}
    </section>
  );
}

function DetailHeader({ title, onClose }: { title: string; onClose: () => void }) {
  return (
    <header className="attendance-detail__header">
      <h3 className="attendance-detail__title">Attendance: {title}</h3>
      <Button variant="secondary" data-testid="attendance-detail-close" onClick={onClose}>
        Close
      </Button>
    </header>
  );
}

function Records({ records, sideOf }: { records: AttendanceRecordRow[]; sideOf?: (r: AttendanceRecordRow) => SideAttendance | null }) {
  if (records.length === 0) return <p className="staff-muted">No sessions are over yet.</p>;
  return (
    <ul className="staff-list" aria-label="Sessions">
      {records.map((r) => {
        const side = sideOf?.(r) ?? null;
        return (
          <li key={r.occurrenceId} className="staff-row" data-testid="attendance-record" data-outcome={r.outcome} data-mentor={r.mentor} data-mentee={r.mentee}>
            <div className="staff-row__main">
              <span className="staff-row__title">{r.when}</span>
              <span data-testid="attendance-note">{r.note}</span>
            </div>
            <span className={`staff-tag staff-tag--${outcomeTone(r.outcome)}`} data-testid="attendance-outcome">
              {side ? sideWords[side] : outcomeWords[r.outcome]}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
