import { useState } from 'react';
import { CsvImportPanel } from '../../ui/csv-import-panel';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { useInvalidate } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { ImportProfileChanges } from './import-profile-changes';
import { importStudents, studentImportSummary } from './student-import-api';
import { ArchivePanel } from './archive-panel';
import { ClassPinsBar } from './class-pins-bar';
import { PinSheet } from './pin-sheet';
import { StudentRow } from './student-row';
import type { PinCard } from './students-api';
import { countNotReady, sortStudents } from './student-readiness';
import { studentKeys, useSchoolStudents } from './students-queries';
import './programme.css';

/** Coordinators: their own school's students, PINs (one at a time or a class at once), and the consent or training each needs. */
export function StudentsSection() {
  const students = useSchoolStudents();
  const invalidate = useInvalidate();
  // A PIN, a consent or an import: the list shows the server's record, and the audit trail has a new line.
  const studentsChanged = () => invalidate(studentKeys.all, auditKeys.all);
  const list = students.data ? sortStudents(students.data) : null;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // The only copy of new PINs: component state, gone when the sheet closes or the page is left.
  const [cards, setCards] = useState<PinCard[] | null>(null);
  const toggle = (id: string, on: boolean) =>
    setSelected((was) => {
      const next = new Set(was);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <StaffSection
      id="staff-students"
      title="Students"
      testId="students-section"
    >
      <p className="staff-muted">
        Mentees need parental consent and mentors need their training recorded before they can join a session. Each
        student signs in on the iPad with a 4-number PIN.
      </p>
      <LoadState
        loading={students.loading}
        error={students.error}
        hasData={list !== null}
        onRetry={() => void students.refresh()}
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
      {cards ? <PinSheet cards={cards} onDone={() => setCards(null)} /> : null}
      {list && list.length > 0 && !cards ? (
        <>
          <ClassPinsBar
            students={list}
            selected={selected}
            onSelect={(ids) => setSelected(new Set(ids))}
            onGenerated={async (generated) => {
              setCards(generated);
              setSelected(new Set());
              await studentsChanged();
            }}
          />
          <ul className="staff-list" aria-label="Students">
            {list.map((student) => (
              <StudentRow
                key={student.id}
                student={student}
                selected={selected.has(student.id)}
                onSelect={(on) => toggle(student.id, on)}
                onChanged={studentsChanged}
              />
            ))}
          </ul>
        </>
      ) : null}
      {students.data ? <ArchivePanel students={list ?? []} onArchived={studentsChanged} /> : null}
      <CsvImportPanel
        title="Import students from your MIS"
        intro={
          <>
            <p>
              A CSV export with the columns admission number, first name, surname and year (tutor group if you have it). Students
              already here are matched by admission number and updated.
            </p>
            <p>
              Optional columns for matching: <strong>Free periods</strong> such as <code>A:Mon:P1; B:Tue:P3; Wed:P2</code> (a
              period with no week is free in both weeks) and <strong>Subjects</strong> such as <code>maths; english:poetry</code>.
              A blank cell leaves what is recorded; <code>none</code> clears it. A file with only admission number, free periods
              and subjects updates students already here.
            </p>
          </>
        }
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
        details={(report) => <ImportProfileChanges report={report} />}
        onImported={() => void studentsChanged()}
      />
    </StaffSection>
  );
}
