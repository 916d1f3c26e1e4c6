import { useCallback } from 'react';
import { CsvImportPanel } from '../../ui/csv-import-panel';
import { LoadState, RefreshButton, StaffSection } from '../../ui/staff-section';
import { useStaffResource } from '../../lib/staff/use-staff-resource';
import { importStudents, studentImportSummary } from './student-import-api';
import { StudentRow } from './student-row';
import { countNotReady, sortStudents } from './student-readiness';
import { fetchSchoolStudents } from './students-api';
import './programme.css';

/** Coordinators: their own school's students, PINs, and the consent or training each needs. */
export function StudentsSection() {
  const students = useStaffResource(useCallback((signal: AbortSignal) => fetchSchoolStudents(signal), []));
  const list = students.data ? sortStudents(students.data) : null;

  return (
    <StaffSection
      id="staff-students"
      title="Students"
      testId="students-section"
      actions={<RefreshButton onClick={() => void students.reload()} loading={students.loading} />}
    >
      <p className="staff-muted">
        Mentees need parental consent and mentors need their training recorded before they can join a session. Each
        student signs in on the iPad with a 4-number PIN.
      </p>
      <LoadState
        loading={students.loading}
        error={students.error}
        hasData={list !== null}
        onRetry={() => void students.reload()}
        what="students"
      />
      {list && list.length > 0 ? (
        <p className="staff-summary" data-testid="students-not-ready">
          {countNotReady(list) === 0
            ? 'Everyone is ready to take part.'
            : `${countNotReady(list)} of ${list.length} students can't take part yet.`}
        </p>
      ) : null}
      {list && list.length === 0 ? <p className="staff-muted">No students at your school yet.</p> : null}
      {list && list.length > 0 ? (
        <ul className="staff-list" aria-label="Students">
          {list.map((student) => (
            <StudentRow key={student.id} student={student} onChanged={students.reload} />
          ))}
        </ul>
      ) : null}
      <CsvImportPanel
        title="Import students from your MIS"
        intro="A CSV export with the columns admission number, first name, surname and year (tutor group if you have it). Students already here are matched by admission number and updated."
        testIds={{
          panel: 'import-students',
          file: 'import-file',
          check: 'import-check',
          run: 'import-run',
          problems: 'import-problems',
          summary: 'import-summary',
        }}
        send={importStudents}
        summary={studentImportSummary}
        onImported={() => void students.reload({ quiet: true })}
      />
    </StaffSection>
  );
}
