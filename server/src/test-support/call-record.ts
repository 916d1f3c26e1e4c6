import { Temporal } from 'temporal-polyfill';
import type { SessionRecord, SessionStudent } from '../infra/db/session-repository.js';

/*
 * The live session the call-layer unit tests run: Priya (Year 12, Northgate, school-a) mentoring
 * Sam (Year 11, Riverside, school-b) on 24 Nov 2026, 08:40–09:10 London time.
 */
const student = (id: 'mentor' | 'mentee'): SessionStudent => ({
  id,
  schoolId: id === 'mentor' ? 'school-a' : 'school-b',
  schoolName: id === 'mentor' ? 'Northgate' : 'Riverside',
  schoolTimeZone: 'Europe/London',
  firstName: id === 'mentor' ? 'Priya' : 'Sam',
  lastName: 'Example',
  yearGroup: id === 'mentor' ? 12 : 11,
  role: id,
  eligible: true,
});

export const callRecord: SessionRecord = {
  id: 'session-1',
  cancelled: false,
  startsAt: Temporal.Instant.from('2026-11-24T08:40:00Z'),
  endsAt: Temporal.Instant.from('2026-11-24T09:10:00Z'),
  mentor: student('mentor'),
  mentee: student('mentee'),
  chatKeywords: null,
  focus: '',
  nextStartsAt: null,
  endedByStaff: false,
};
