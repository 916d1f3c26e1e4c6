import { useStaffQuery } from '../../lib/staff/staff-query';
import { fetchSchoolCalendar } from './school-calendar-api';

/** The school calendar section's queries, named once: what a write invalidates is what these read. */
export const schoolCalendarKeys = {
  all: ['school-calendar'] as const,
  calendar: () => [...schoolCalendarKeys.all, 'calendar'] as const,
};

export const useSchoolCalendar = () =>
  useStaffQuery({ queryKey: schoolCalendarKeys.calendar(), queryFn: ({ signal }) => fetchSchoolCalendar(signal) });
