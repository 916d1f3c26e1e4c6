import { eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../infra/db/database.js';
import { CalendarRepository } from '../infra/db/calendar-repository.js';
import { programmes, schoolCalendars, students } from '../infra/db/schema.js';
import { academicYearCalendar } from './demo-calendar.js';

/**
 * Timetabling data for the demo, for the academic year containing today: both
 * schools' calendars (the partner's half-term a week later), the students'
 * free periods and subjects, and the programme. Added once; never overwrites.
 */
export async function seedDemoScheduling(
  db: Db,
  now: Temporal.Instant,
  ids: { partnershipId: string; mentorSchoolId: string; menteeSchoolId: string; mentorIds: string[]; menteeIds: string[] },
): Promise<void> {
  const [existing] = await db.select().from(schoolCalendars).where(eq(schoolCalendars.schoolId, ids.mentorSchoolId)).limit(1);
  if (existing) return;
  const today = now.toZonedDateTimeISO('Europe/London').toPlainDate();
  const startYear = today.month >= 9 ? today.year : today.year - 1;
  const calendars = new CalendarRepository(db);
  await calendars.save(ids.mentorSchoolId, academicYearCalendar(startYear), null, now);
  await calendars.save(ids.menteeSchoolId, academicYearCalendar(startYear, { halfTermShift: true }), null, now);
  const subjects = [['english:poetry'], ['maths'], ['english', 'maths']];
  for (const [i, id] of ids.mentorIds.entries()) {
    await calendars.setAvailability(id, { slots: [{ week: 'any', weekday: 2, period: 'P1' }, { week: 'A', weekday: 4, period: 'P3' }, { week: 'B', weekday: 1, period: 'P5' }] }, now);
    await db.update(students).set({ subjects: subjects[i] ?? [] }).where(eq(students.id, id));
  }
  for (const [i, id] of ids.menteeIds.entries()) {
    await calendars.setAvailability(id, { slots: [{ week: 'any', weekday: 2, period: 'P1' }, { week: 'any', weekday: 4, period: 'P3' }] }, now);
    await db.update(students).set({ subjects: subjects[i] ?? [] }).where(eq(students.id, id));
  }
  await db
    .insert(programmes)
    .values({
      partnershipId: ids.partnershipId,
      startDate: `${startYear}-09-14`,
      endDate: `${startYear + 1}-07-16`,
      goals: 'Confidence with English poetry first, then maths as it grows.',
    })
    .onConflictDoNothing();
}
