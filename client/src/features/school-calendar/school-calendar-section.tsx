import { useState } from 'react';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { now } from '../../lib/clock';
import { useSchoolTime } from '../../lib/staff/staff-context';
import { CalendarForm } from './calendar-form';
import { ClosuresPanel } from './closures-panel';
import { useSchoolCalendar } from './school-calendar-queries';
import '../timetable/scheduling.css';
import './school-calendar.css';

/**
 * Coordinators: their own school's calendar, which every booking and
 * re-flow follows: bell times, the Week A/B cycle, terms, and closures.
 */
export function SchoolCalendarSection() {
  const time = useSchoolTime();
  const calendar = useSchoolCalendar();
  const [saved, setSaved] = useState<string | null>(null);
  const today = time.dateAt(now());
  const data = calendar.data;

  return (
    <StaffSection
      id="staff-calendar"
      title="School calendar"
      testId="school-calendar-section"
    >
      <LoadState loading={calendar.loading} error={calendar.error} hasData={data !== null} onRetry={() => void calendar.refresh()} what="calendar" />
      {saved ? (
        <p className="staff-saved" data-testid="calendar-saved" role="status">
          {saved}
        </p>
      ) : null}
      {data && !calendar.loading ? (
        <>
          {data.calendar ? null : (
            <p className="staff-muted" data-testid="calendar-not-set-up">
              Your school's calendar is not set up yet: nothing can be booked until it is. Start from the typical day below.
            </p>
          )}
          <CalendarForm
            // A fresh form for each saved version: after a save or a Refresh it starts from what the server holds.
            key={data.calendar?.updatedAt ?? 'none'}
            calendar={data.calendar}
            timeZone={data.timeZone}
            closures={data.closures}
            today={today}
            onSaved={setSaved}
          />
          <ClosuresPanel closures={data.closures} today={today} />
        </>
      ) : null}
    </StaffSection>
  );
}
