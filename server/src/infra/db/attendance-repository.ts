import type { AttendanceOutcome, SideAttendance } from '@peerbridge/shared';
import { and, asc, eq, inArray, isNull, lte, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import { attendanceRecords, pairings, schoolClosures, schools, sessionOccurrences, students } from './schema.js';

const mentor = alias(students, 'mentor');
const mentee = alias(students, 'mentee');
const mentorSchool = alias(schools, 'mentor_school');
const menteeSchool = alias(schools, 'mentee_school');

const toInstant = (date: Date) => Temporal.Instant.fromEpochMilliseconds(date.getTime());
const toDate = (instant: Temporal.Instant) => new Date(instant.epochMilliseconds);

/** A student as attendance shows them; `lastName` only ever reaches staff of their own school. */
export interface AttendanceStudent {
  id: string;
  firstName: string;
  lastName: string;
  yearGroup: number;
  schoolId: string;
  schoolName: string;
  schoolTimeZone: string;
}

export interface OccurrenceToCompute {
  id: string;
  pairingId: string;
  startsAt: Temporal.Instant;
  endsAt: Temporal.Instant;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
  mentor: AttendanceStudent;
  mentee: AttendanceStudent;
}

export interface StoredAttendance {
  occurrenceId: string;
  pairingId: string;
  startsAt: Temporal.Instant;
  outcome: AttendanceOutcome;
  mentor: SideAttendance;
  mentee: SideAttendance;
  detail: Record<string, unknown>;
}

export interface PairingPeople {
  pairingId: string;
  endedAt: Date | null;
  mentor: AttendanceStudent;
  mentee: AttendanceStudent;
}

/** The columns of one student as attendance shows them (each side of a pairing joins its own aliases). */
const columnsOf = (s: { id: typeof students.id; firstName: typeof students.firstName; lastName: typeof students.lastName; yearGroup: typeof students.yearGroup; schoolId: typeof students.schoolId }, school: { name: typeof schools.name; timeZone: typeof schools.timeZone }) => ({
  id: s.id,
  firstName: s.firstName,
  lastName: s.lastName,
  yearGroup: s.yearGroup,
  schoolId: s.schoolId,
  schoolName: school.name,
  schoolTimeZone: school.timeZone,
});
const mentorColumns = columnsOf(mentor as unknown as typeof students, mentorSchool as unknown as typeof schools);
const menteeColumns = columnsOf(mentee as unknown as typeof students, menteeSchool as unknown as typeof schools);

/** Stored attendance (attendance_records) and what computing it reads besides the log. */
export class AttendanceRepository {
  constructor(private readonly db: Db) {}

  private pairingPeople() {
    return this.db
      .select({ pairingId: pairings.id, endedAt: pairings.endedAt, mentor: mentorColumns, mentee: menteeColumns })
      .from(pairings)
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      .innerJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
      .innerJoin(menteeSchool, eq(menteeSchool.id, mentee.schoolId));
  }

  /** Occurrences over by `endedBy` with no stored attendance yet, oldest first (the sweep's work). */
  async uncomputed(endedBy: Temporal.Instant, limit: number): Promise<string[]> {
    const rows = await this.db
      .select({ id: sessionOccurrences.id })
      .from(sessionOccurrences)
      .where(
        and(
          lte(sessionOccurrences.endsAt, toDate(endedBy)),
          notExists(this.db.select({ one: sql`1` }).from(attendanceRecords).where(eq(attendanceRecords.occurrenceId, sessionOccurrences.id))),
        ),
      )
      .orderBy(asc(sessionOccurrences.endsAt))
      .limit(limit);
    return rows.map((r) => r.id);
  }

  async occurrence(id: string): Promise<OccurrenceToCompute | undefined> {
    const [row] = await this.db
      .select({
        id: sessionOccurrences.id,
        pairingId: sessionOccurrences.pairingId,
        startsAt: sessionOccurrences.startsAt,
        endsAt: sessionOccurrences.endsAt,
        status: sessionOccurrences.status,
        cancelReason: sessionOccurrences.cancelReason,
        mentor: mentorColumns,
        mentee: menteeColumns,
      })
      .from(sessionOccurrences)
      .innerJoin(pairings, eq(pairings.id, sessionOccurrences.pairingId))
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      .innerJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
      .innerJoin(menteeSchool, eq(menteeSchool.id, mentee.schoolId))
      .where(eq(sessionOccurrences.id, id));
    if (!row) return undefined;
    return { ...row, startsAt: toInstant(row.startsAt), endsAt: toInstant(row.endsAt) };
  }

  /** A school's closures on the given local dates (ISO dates). */
  async closuresOn(schoolId: string, dates: readonly string[]) {
    if (dates.length === 0) return [];
    return this.db
      .select({ date: schoolClosures.date, fromTime: schoolClosures.fromTime, toTime: schoolClosures.toTime, reason: schoolClosures.reason })
      .from(schoolClosures)
      .where(and(eq(schoolClosures.schoolId, schoolId), inArray(schoolClosures.date, [...dates])));
  }

  /** Stores (or replaces, when the log said otherwise later) one occurrence's attendance. */
  async store(record: StoredAttendance, computedAt: Temporal.Instant): Promise<void> {
    const values = {
      pairingId: record.pairingId,
      startsAt: toDate(record.startsAt),
      outcome: record.outcome,
      mentor: record.mentor,
      mentee: record.mentee,
      detail: record.detail,
      computedAt: toDate(computedAt),
    };
    await this.db
      .insert(attendanceRecords)
      .values({ occurrenceId: record.occurrenceId, ...values })
      .onConflictDoUpdate({ target: attendanceRecords.occurrenceId, set: values });
  }

  /** One student's attendance at every stored occurrence of every pairing they have been in, oldest first. */
  async historyOf(studentId: string): Promise<Array<StoredAttendance & { side: SideAttendance }>> {
    const rows = await this.db
      .select({ record: attendanceRecords, mentorId: pairings.mentorId })
      .from(attendanceRecords)
      .innerJoin(pairings, eq(pairings.id, attendanceRecords.pairingId))
      .where(or(eq(pairings.mentorId, studentId), eq(pairings.menteeId, studentId)))
      .orderBy(asc(attendanceRecords.startsAt));
    return rows.map((r) => ({ ...fromRow(r.record), side: r.mentorId === studentId ? r.record.mentor : r.record.mentee }));
  }

  async forPairings(pairingIds: readonly string[]): Promise<StoredAttendance[]> {
    if (pairingIds.length === 0) return [];
    const rows = await this.db
      .select()
      .from(attendanceRecords)
      .where(inArray(attendanceRecords.pairingId, [...pairingIds]))
      .orderBy(asc(attendanceRecords.startsAt));
    return rows.map(fromRow);
  }

  async pairing(pairingId: string): Promise<PairingPeople | undefined> {
    const [row] = await this.pairingPeople().where(eq(pairings.id, pairingId));
    return row;
  }

  /** Every pairing a student has been in (as mentor or mentee). */
  async pairingsOf(studentId: string): Promise<PairingPeople[]> {
    return this.pairingPeople()
      .where(or(eq(pairings.mentorId, studentId), eq(pairings.menteeId, studentId)))
      .orderBy(asc(pairings.createdAt));
  }

  async student(studentId: string): Promise<(AttendanceStudent & { role: 'mentor' | 'mentee' }) | undefined> {
    const [row] = await this.db
      .select({ ...mentorColumns, role: mentor.role })
      .from(mentor)
      .innerJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
      .where(eq(mentor.id, studentId));
    return row;
  }

  /**
   * The pairings going on now with a student of this school in them (not ended, student not archived),
   * each with its next session that is not cancelled after `now`.
   */
  async mentoredAt(schoolId: string, now: Temporal.Instant): Promise<Array<PairingPeople & { nextStartsAt: Date | null }>> {
    const rows = await this.db
      .select({
        pairingId: pairings.id,
        endedAt: pairings.endedAt,
        mentor: mentorColumns,
        mentee: menteeColumns,
        nextStartsAt: sql<Date | string | null>`(select min(next.starts_at) from ${sessionOccurrences} as next where next.pairing_id = ${pairings.id} and next.starts_at > ${toDate(now).toISOString()} and next.status <> 'cancelled')`,
      })
      .from(pairings)
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      .innerJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
      .innerJoin(menteeSchool, eq(menteeSchool.id, mentee.schoolId))
      .where(
        and(
          isNull(pairings.endedAt),
          isNull(mentor.archivedAt),
          isNull(mentee.archivedAt),
          or(eq(mentor.schoolId, schoolId), eq(mentee.schoolId, schoolId)),
        ),
      );
    return rows.map((r) => ({ ...r, nextStartsAt: r.nextStartsAt === null ? null : new Date(r.nextStartsAt) }));
  }
}

function fromRow(row: typeof attendanceRecords.$inferSelect): StoredAttendance {
  return {
    occurrenceId: row.occurrenceId,
    pairingId: row.pairingId,
    startsAt: toInstant(row.startsAt),
    outcome: row.outcome,
    mentor: row.mentor,
    mentee: row.mentee,
    detail: row.detail,
  };
}
