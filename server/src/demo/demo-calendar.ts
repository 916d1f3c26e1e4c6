import { Temporal } from 'temporal-polyfill';
import type { SchoolCalendarBody } from '@peerbridge/shared';

/** The first Monday on or after 1 September: the usual start of a school's Week A. */
function firstMondayOfSeptember(year: number): string {
  const first = Temporal.PlainDate.from({ year, month: 9, day: 1 });
  return first.add({ days: (8 - first.dayOfWeek) % 7 }).toString();
}

/**
 * A typical English secondary's year starting in September of `startYear`:
 * registration and six periods, a two-week timetable, six terms. `halfTermShift`
 * moves the autumn half-term a week later, as a partner school's often is.
 */
export function academicYearCalendar(startYear: number, options: { halfTermShift?: boolean } = {}): SchoolCalendarBody {
  const y = startYear;
  const z = startYear + 1;
  const day = [
    { name: 'Registration', start: '08:40', end: '09:00' },
    { name: 'P1', start: '09:00', end: '09:50' },
    { name: 'P2', start: '09:50', end: '10:40' },
    { name: 'Break', start: '10:40', end: '11:00' },
    { name: 'P3', start: '11:00', end: '11:50' },
    { name: 'P4', start: '11:50', end: '12:40' },
    { name: 'Lunch', start: '12:40', end: '13:30' },
    { name: 'P5', start: '13:30', end: '14:20' },
    { name: 'P6', start: '14:20', end: '15:10' },
  ];
  const shift = options.halfTermShift === true;
  return {
    timeZone: 'Europe/London',
    bellSchedule: { 1: day, 2: day, 3: day, 4: day, 5: day },
    cycle: { weeks: 2, knownWeekAMonday: firstMondayOfSeptember(y) },
    terms: [
      { name: 'Autumn 1', start: `${y}-09-03`, end: shift ? `${y}-10-30` : `${y}-10-23` },
      { name: 'Autumn 2', start: shift ? `${y}-11-09` : `${y}-11-02`, end: `${y}-12-18` },
      { name: 'Spring 1', start: `${z}-01-05`, end: `${z}-02-12` },
      { name: 'Spring 2', start: `${z}-02-22`, end: `${z}-03-26` },
      { name: 'Summer 1', start: `${z}-04-12`, end: `${z}-05-28` },
      { name: 'Summer 2', start: `${z}-06-07`, end: `${z}-07-21` },
    ],
  };
}
