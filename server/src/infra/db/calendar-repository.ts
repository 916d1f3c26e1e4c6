import { and, asc, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { AvailabilityBody, ClosureBody, ProgrammeBody, SchoolCalendarBody } from '@peerbridge/shared';
import type { Availability, Closure, Period, SchoolCalendar, Weekday } from '../../domain/scheduling/calendar.js';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { devices, programmes, schoolCalendars, schoolClosures, schools, studentAvailability, students } from './schema.js';

const time = (t: string) => Temporal.PlainTime.from(t);
const day = (d: string) => Temporal.PlainDate.from(d);

/** School calendars, closures, student availability and programmes, read back as domain values. */
export class CalendarRepository {
  constructor(private readonly db: Db) {}

  async save(schoolId: string, body: SchoolCalendarBody, by: string | null, at: Temporal.Instant, also?: AlsoInTransaction): Promise<void> {
    const row = {
      bellSchedule: body.bellSchedule,
      cycleWeeks: body.cycle.weeks,
      knownWeekAMonday: body.cycle.knownWeekAMonday,
      terms: body.terms,
      updatedAt: new Date(at.epochMilliseconds),
      updatedBy: by,
    };
    await this.db.transaction(async (tx) => {
      await tx.update(schools).set({ timeZone: body.timeZone }).where(eq(schools.id, schoolId));
      await tx.insert(schoolCalendars).values({ schoolId, ...row }).onConflictDoUpdate({ target: schoolCalendars.schoolId, set: row });
      await also?.(tx as unknown as Db);
    });
  }

  /** The calendar as the scheduler sees it, or undefined if the school has not set one up. */
  async load(schoolId: string): Promise<SchoolCalendar | undefined> {
    const [row] = await this.db
      .select({ calendar: schoolCalendars, timeZone: schools.timeZone })
      .from(schoolCalendars)
      .innerJoin(schools, eq(schools.id, schoolCalendars.schoolId))
      .where(eq(schoolCalendars.schoolId, schoolId))
      .limit(1);
    if (!row) return undefined;
    const closures = await this.db.select().from(schoolClosures).where(eq(schoolClosures.schoolId, schoolId)).orderBy(asc(schoolClosures.date));
    const [pool] = await this.db
      .select({ n: count() })
      .from(devices)
      .where(and(eq(devices.schoolId, schoolId), isNotNull(devices.redeemedAt), isNull(devices.revokedAt)));
    const bell = {} as Record<Weekday, Period[]>;
    for (const weekday of [1, 2, 3, 4, 5] as const) {
      bell[weekday] = (row.calendar.bellSchedule[String(weekday)] ?? []).map((p) => ({ name: p.name, start: time(p.start), end: time(p.end) }));
    }
    return {
      schoolId,
      timeZone: row.timeZone,
      bellSchedule: bell,
      cycle: { weeks: row.calendar.cycleWeeks === 1 ? 1 : 2, knownWeekAMonday: day(row.calendar.knownWeekAMonday) },
      terms: row.calendar.terms.map((t) => ({ name: t.name, start: day(t.start), end: day(t.end) })),
      closures: closures.map(
        (c): Closure => ({
          date: day(c.date),
          ...(c.fromTime ? { from: time(c.fromTime) } : {}),
          ...(c.toTime ? { to: time(c.toTime) } : {}),
          reason: c.reason,
        }),
      ),
      // The pool is the iPads actually set up and not removed: one still waiting for its code cannot take a call.
      devicePool: { devices: Number(pool?.n ?? 0) },
    };
  }

  /** The stored form, for the coordinator's screen. */
  async loadBody(schoolId: string) {
    const [row] = await this.db.select().from(schoolCalendars).where(eq(schoolCalendars.schoolId, schoolId)).limit(1);
    const [school] = await this.db.select({ timeZone: schools.timeZone }).from(schools).where(eq(schools.id, schoolId)).limit(1);
    const closures = await this.db.select().from(schoolClosures).where(eq(schoolClosures.schoolId, schoolId)).orderBy(asc(schoolClosures.date));
    return { calendar: row, timeZone: school?.timeZone ?? 'Europe/London', closures };
  }

  async addClosure(schoolId: string, closure: ClosureBody, by: string, also?: AlsoInTransaction<string>): Promise<string> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(schoolClosures)
        .values({ schoolId, date: closure.date, fromTime: closure.from ?? null, toTime: closure.to ?? null, reason: closure.reason, createdBy: by })
        .returning({ id: schoolClosures.id });
      await also?.(tx as unknown as Db, row!.id);
      return row!.id;
    });
  }

  async closure(id: string) {
    const [row] = await this.db.select().from(schoolClosures).where(eq(schoolClosures.id, id)).limit(1);
    return row;
  }

  async removeClosure(id: string, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(schoolClosures).where(eq(schoolClosures.id, id));
      await also?.(tx as unknown as Db);
    });
  }

  async setAvailability(studentId: string, body: AvailabilityBody, at: Temporal.Instant, also?: AlsoInTransaction): Promise<void> {
    const row = { slots: body.slots, updatedAt: new Date(at.epochMilliseconds) };
    await this.db.transaction(async (tx) => {
      await tx.insert(studentAvailability).values({ studentId, ...row }).onConflictDoUpdate({ target: studentAvailability.studentId, set: row });
      await also?.(tx as unknown as Db);
    });
  }

  async availabilityOf(studentIds: string[]): Promise<Map<string, Availability>> {
    if (studentIds.length === 0) return new Map();
    const rows = await this.db
      .select({ studentId: studentAvailability.studentId, slots: studentAvailability.slots, schoolId: students.schoolId })
      .from(studentAvailability)
      .innerJoin(students, eq(students.id, studentAvailability.studentId))
      .where(inArray(studentAvailability.studentId, studentIds));
    return new Map(
      rows.map((r) => [
        r.studentId,
        { studentId: r.studentId, schoolId: r.schoolId, slots: r.slots.map((s) => ({ ...s, weekday: s.weekday as Weekday })) },
      ]),
    );
  }

  async saveProgramme(partnershipId: string, body: ProgrammeBody, also?: AlsoInTransaction): Promise<void> {
    const row = {
      startDate: body.start,
      endDate: body.end,
      sessionMinutes: body.sessionMinutes,
      frequency: body.frequency,
      goals: body.goals,
      caseloadLimit: body.caseloadLimit,
    };
    await this.db.transaction(async (tx) => {
      await tx.insert(programmes).values({ partnershipId, ...row }).onConflictDoUpdate({ target: programmes.partnershipId, set: row });
      await also?.(tx as unknown as Db);
    });
  }

  async programmeOf(partnershipId: string) {
    const [row] = await this.db.select().from(programmes).where(and(eq(programmes.partnershipId, partnershipId))).limit(1);
    return row;
  }
}
