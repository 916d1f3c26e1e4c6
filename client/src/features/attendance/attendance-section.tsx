import type { MentoredListResponse, MentoredStudent } from '@peerbridge/shared';
import { useState } from 'react';
import { Button } from '../../ui/button';
import { LoadState, RefreshButton, StaffSection } from '../../ui/staff-section';
import { PairingAttendancePanel, StudentAttendancePanel } from './attendance-detail';
import { MentoredPrint } from './mentored-print';
import { useMentored } from './attendance-queries';
import { countsLine, partnerLabel, personName } from './attendance-words';
import './attendance.css';

type Selected = { kind: 'pairing' | 'student'; id: string } | null;

/**
 * Coordinators: who is being mentored at their school (with each next session and attendance so
 * far), a printable copy of that list for teachers, and any pairing's or student's attendance
 * session by session, computed from the session log.
 */
export function AttendanceSection() {
  const mentored = useMentored();
  const [selected, setSelected] = useState<Selected>(null);
  const [printing, setPrinting] = useState(false);
  const list = mentored.data;

  return (
    <StaffSection
      id="attendance"
      title="Attendance"
      testId="attendance-section"
      actions={
        <>
          <Button variant="secondary" data-testid="attendance-printable" disabled={!list} onClick={() => setPrinting(true)}>
            Printable list for teachers
          </Button>
          <RefreshButton onClick={() => void mentored.refresh()} loading={mentored.loading} />
        </>
      }
    >
      <LoadState loading={mentored.loading} error={mentored.error} hasData={list !== null} onRetry={() => void mentored.refresh()} what="attendance" />
      {printing && list ? <PrintBar list={list} onClose={() => setPrinting(false)} /> : null}
      {list ? <MentoredList list={list} selected={selected} onSelect={setSelected} /> : null}
      {selected?.kind === 'pairing' ? <PairingAttendancePanel pairingId={selected.id} onClose={() => setSelected(null)} /> : null}
      {selected?.kind === 'student' ? <StudentAttendancePanel studentId={selected.id} onClose={() => setSelected(null)} /> : null}
    </StaffSection>
  );
}

function PrintBar({ list, onClose }: { list: MentoredListResponse; onClose: () => void }) {
  return (
    <div className="attendance-print-bar" data-testid="attendance-print-bar">
      <p>The list for teachers is ready: names, year, who mentors whom and the next session. It holds no attendance details.</p>
      <div className="attendance-actions">
        <Button data-testid="attendance-print" onClick={() => window.print()}>
          Print
        </Button>
        <Button variant="secondary" data-testid="attendance-print-close" onClick={onClose}>
          Close
        </Button>
      </div>
      <MentoredPrint list={list} />
    </div>
  );
}

function MentoredList({ list, selected, onSelect }: { list: MentoredListResponse; selected: Selected; onSelect: (s: Selected) => void }) {
  if (list.students.length === 0) return <p className="staff-muted">Nobody at {list.schoolName} is being mentored at the moment.</p>;
  return (
    <>
      <p className="staff-muted">
        {list.students.length} {list.students.length === 1 ? 'student' : 'students'} at {list.schoolName} in mentoring, as of {list.asOf}.
      </p>
      <ul className="staff-list" aria-label="Students being mentored" data-testid="mentored-list">
        {list.students.map((s) => (
          <MentoredRow key={`${s.pairingId}-${s.student.id}`} entry={s} selected={selected} onSelect={onSelect} />
        ))}
      </ul>
    </>
  );
}

function MentoredRow({ entry, selected, onSelect }: { entry: MentoredStudent; selected: Selected; onSelect: (s: Selected) => void }) {
  const { student, partner } = entry;
  const pairingOpen = selected?.kind === 'pairing' && selected.id === entry.pairingId;
  const studentOpen = selected?.kind === 'student' && selected.id === student.id;
  return (
    <li className="staff-row" data-testid="mentored-row" data-student-id={student.id} data-pairing-id={entry.pairingId}>
      <div className="staff-row__main">
        <span className="staff-row__title" data-testid="mentored-name">
          {personName(student)} · Year {student.yearGroup}
        </span>
        <span>
          {entry.role === 'mentor' ? 'Mentoring' : 'Mentored by'} {partnerLabel(partner)}
        </span>
        <span data-testid="mentored-next">Next session: {entry.nextSession ? entry.nextSession.when : 'none booked'}</span>
        <span className="staff-muted" data-testid="mentored-counts">
          {countsLine(entry.counts)}
        </span>
      </div>
      <div className="attendance-actions">
        <Button variant="secondary" data-testid="open-student-attendance" aria-expanded={studentOpen} onClick={() => onSelect(studentOpen ? null : { kind: 'student', id: student.id })}>
          {student.firstName}&apos;s attendance
        </Button>
        <Button variant="secondary" data-testid="open-pairing-attendance" aria-expanded={pairingOpen} onClick={() => onSelect(pairingOpen ? null : { kind: 'pairing', id: entry.pairingId })}>
          The pairing
        </Button>
      </div>
    </li>
  );
}
