import type { SchoolCalendarBody } from '@peerbridge/shared';

/** A typical English secondary: registration, six 50-minute periods, a two-week timetable, 2026–27 terms. */
export function typicalCalendar(overrides: Partial<SchoolCalendarBody> = {}): SchoolCalendarBody {
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
  return {
    timeZone: 'Europe/London',
    bellSchedule: { 1: day, 2: day, 3: day, 4: day, 5: day },
    cycle: { weeks: 2, knownWeekAMonday: '2026-09-07' },
    terms: [
      { name: 'Autumn 1', start: '2026-09-03', end: '2026-10-23' },
      { name: 'Autumn 2', start: '2026-11-02', end: '2026-12-18' },
      { name: 'Spring 1', start: '2027-01-05', end: '2027-02-12' },
      { name: 'Spring 2', start: '2027-02-22', end: '2027-03-26' },
      { name: 'Summer 1', start: '2027-04-12', end: '2027-05-28' },
      { name: 'Summer 2', start: '2027-06-07', end: '2027-07-21' },
    ],
    devicePool: { devices: 4 },
    ...overrides,
  };
}
