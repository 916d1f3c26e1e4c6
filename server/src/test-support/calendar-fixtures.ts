import type { SchoolCalendarBody } from '@peerbridge/shared';
import { academicYearCalendar } from '../demo/demo-calendar.js';

/** The 2026–27 year of a typical English secondary, fixed so tests do not depend on today's date. */
export function typicalCalendar(overrides: Partial<SchoolCalendarBody> = {}): SchoolCalendarBody {
  return { ...academicYearCalendar(2026), ...overrides };
}
