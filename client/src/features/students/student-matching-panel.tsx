import { useId, useState } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { LoadState } from '../../ui/staff-section';
import { useInvalidate } from '../../lib/staff/staff-query';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { auditKeys } from '../audit/audit-queries';
import { copyWeekA, gridShape, sameBothWeeks, slotsOf, ticksOf, toggleTick, type GridShape, type GridWeek } from './free-period-grid';
import { FreePeriodGridView } from './free-period-grid-view';
import { saveFreePeriods, saveSubjects, type StudentMatchingProfile } from './free-periods-api';
import { SubjectChipsField } from './subject-chips-field';
import { studentKeys, useMatchingProfile, useOwnCalendar } from './students-queries';
import type { SchoolStudent } from './students-api';
import './student-matching.css';

/** A student's free periods (a grid per week of the cycle) and subjects, what the pairing board matches on. */
export function StudentMatchingPanel({ student, onClose }: { student: SchoolStudent; onClose: () => void }) {
  const profile = useMatchingProfile(student.id);
  const calendar = useOwnCalendar();
  const bell = calendar.data?.calendar ?? null;
  return (
    <section className="student-matching" data-testid="student-matching" aria-label={`Free periods and subjects for ${student.firstName}`}>
      <div className="student-matching__head">
        <h3 className="student-matching__title">
          Free periods and subjects: {student.firstName} {student.lastName}
        </h3>
        <Button variant="quiet" data-testid="student-matching-close" onClick={onClose}>
          Close
        </Button>
      </div>
      <LoadState
        loading={profile.loading || calendar.loading}
        error={profile.error ?? calendar.error}
        hasData={profile.data !== null && calendar.data !== null}
        onRetry={() => void Promise.all([profile.refresh(), calendar.refresh()])}
        what="free periods"
      />
      {calendar.data && !bell ? (
        <Notice tone="info" data-testid="free-periods-no-calendar">
          Your school has no bell times yet. Set up the calendar first: the grid shows its periods.
        </Notice>
      ) : null}
      {profile.data && bell ? (
        <MatchingEditor key={student.id} student={student} profile={profile.data} shape={gridShape(bell.bellSchedule, bell.cycleWeeks)} />
      ) : null}
    </section>
  );
}

function MatchingEditor({ student, profile, shape }: { student: SchoolStudent; profile: StudentMatchingProfile; shape: GridShape }) {
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const [ticks, setTicks] = useState<ReadonlySet<string>>(() => ticksOf(profile.freePeriods));
  const [same, setSame] = useState(() => !shape.twoWeeks || sameBothWeeks(ticksOf(profile.freePeriods)));
  const [subjects, setSubjects] = useState<string[]>(profile.subjects);
  const [busy, setBusy] = useState(false);
  const [gridError, setGridError] = useState<string | null>(null);
  const [subjectsError, setSubjectsError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const gridErrorId = useId();
  const weeks: GridWeek[] = same ? ['both'] : ['A', 'B'];
  const isMentee = student.role === 'mentee';

  const save = async () => {
    setBusy(true);
    setGridError(null);
    setSubjectsError(null);
    setSaved(null);
    const failed: string[] = [];
    try {
      await saveFreePeriods(student.id, slotsOf(ticks, shape));
    } catch (error) {
      setGridError(handleError(error).message);
      failed.push('free periods');
    }
    try {
      await saveSubjects(student.id, subjects);
    } catch (error) {
      setSubjectsError(handleError(error).message);
      failed.push('subjects');
    }
    await invalidate(studentKeys.profile(student.id), auditKeys.all);
    setBusy(false);
    if (failed.length === 0) setSaved(`Saved ${student.firstName}'s free periods and subjects.`);
    else if (failed.length === 1) setSaved(`Saved the ${failed[0] === 'subjects' ? 'free periods' : 'subjects'}; the ${failed[0]} were not saved.`);
  };

  return (
    <div className="student-matching__body">
      <div className="student-matching__field">
        <p className="pb-field__label" id={`${gridErrorId}-label`}>
          Free periods: tap each period {student.firstName} can be mentored in
        </p>
        {shape.twoWeeks ? (
          <label className="student-matching__same">
            <input
              type="checkbox"
              data-testid="free-same-both-weeks"
              checked={same}
              disabled={busy}
              onChange={(event) => {
                setSame(event.target.checked);
                if (event.target.checked) setTicks(copyWeekA(ticks));
              }}
            />
            Same both weeks (Week A and Week B)
          </label>
        ) : null}
        <div className="student-matching__grids">
          {weeks.map((week) => (
            <FreePeriodGridView
              key={week}
              week={week}
              shape={shape}
              ticks={ticks}
              disabled={busy}
              describedBy={gridError ? gridErrorId : undefined}
              onToggle={(weekday, period) => setTicks(toggleTick(ticks, week, weekday, period))}
            />
          ))}
        </div>
        {gridError ? (
          <p id={gridErrorId} className="pb-field__error" data-testid="free-periods-error">
            {gridError}
          </p>
        ) : null}
      </div>

      <SubjectChipsField
        label={isMentee ? 'Subjects they want help with' : 'Subjects they can help with'}
        hint='A subject, or a subject and topic: "maths", "english:poetry". Press Enter or Add.'
        subjects={subjects}
        known={profile.subjectSuggestions}
        error={subjectsError}
        disabled={busy}
        onChange={(next) => {
          setSubjects(next);
          setSubjectsError(null);
        }}
      />

      <div className="student-matching__actions">
        <Button data-testid="student-matching-save" disabled={busy} aria-busy={busy} onClick={() => void save()}>
          {busy ? 'Saving…' : 'Save free periods and subjects'}
        </Button>
        {saved ? (
          <p className="staff-saved" role="status" data-testid="student-matching-saved">
            {saved}
          </p>
        ) : null}
      </div>
    </div>
  );
}
