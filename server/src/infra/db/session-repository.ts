import { and, count, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import type { StudentRole } from '@peerbridge/shared';
import { keywordsForSession } from '../../domain/safeguarding/keyword-lists.js';
import type { Db } from './database.js';
import { pairingExits, pairings, partnerships, programmes, schools, sessionEvents, sessionOccurrences, students } from './schema.js';

export interface SessionStudent {
  id: string;
  schoolId: string;
  schoolName: string;
  schoolTimeZone: string;
  firstName: string;
  /** Only ever shown to staff of the student's own school. */
  lastName: string;
  yearGroup: number;
  role: StudentRole;
  /** Parental consent (mentee) or completed training (mentor) is on record. */
  eligible: boolean;
}

export interface SessionRecord {
  id: string;
  cancelled: boolean;
  startsAt: Temporal.Instant;
  endsAt: Temporal.Instant;
  mentor: SessionStudent;
  mentee: SessionStudent;
  /** The chat keyword list for this session (both schools' lists); null means the default list. */
  chatKeywords: string[] | null;
  /** What the programme says the pairs work on (its goals), '' when nobody wrote any. */
  focus: string;
  /** The next session of the same pair after this one that is not cancelled, if one is timetabled. */
  nextStartsAt: Temporal.Instant | null;
  /** A DSL or supervisor ended it early: its log holds that SessionEnded entry, so nobody joins it again. */
  endedByStaff: boolean;
}

const mentor = alias(students, 'mentor');
const mentee = alias(students, 'mentee');
const mentorSchool = alias(schools, 'mentor_school');
const menteeSchool = alias(schools, 'mentee_school');

const toInstant = (date: Date) => Temporal.Instant.fromEpochMilliseconds(date.getTime());
const toDate = (instant: Temporal.Instant) => new Date(instant.epochMilliseconds);

const sessionColumns = {
  id: sessionOccurrences.id,
  status: sessionOccurrences.status,
  startsAt: sessionOccurrences.startsAt,
  endsAt: sessionOccurrences.endsAt,
  chatKeywords: partnerships.chatKeywords,
  focus: programmes.goals,
  // Correlated on purpose: one index probe per row (session_occurrences_pairing_starts_idx), and the answer stays one query.
  nextStartsAt: sql<Date | string | null>`(select min(next.starts_at) from ${sessionOccurrences} as next where next.pairing_id = ${sessionOccurrences.pairingId} and next.starts_at > ${sessionOccurrences.startsAt} and next.status <> 'cancelled')`,
  mentorSchoolKeywords: mentorSchool.chatKeywords,
  menteeSchoolKeywords: menteeSchool.chatKeywords,
  // The log is the record of it (append-only, signed), so there is no second place it could disagree with.
  endedByStaff: sql<boolean>`exists (select 1 from ${sessionEvents} where ${sessionEvents.occurrenceId} = ${sessionOccurrences.id} and ${sessionEvents.type} = 'SessionEnded' and ${sessionEvents.detail} ->> 'reason' = 'ended_by_staff')`,
  // For school lists only (pairing_exits_final_review_idx); one probe a row elsewhere is not worth a second select.
  finalReview: sql<boolean>`exists (select 1 from ${pairingExits} where ${pairingExits.finalReviewOccurrenceId} = ${sessionOccurrences.id})`,
  mentor: {
    id: mentor.id,
    schoolId: mentor.schoolId,
    firstName: mentor.firstName,
    lastName: mentor.lastName,
    yearGroup: mentor.yearGroup,
    role: mentor.role,
    schoolName: mentorSchool.name,
    schoolTimeZone: mentorSchool.timeZone,
    parentalConsentAt: mentor.parentalConsentAt,
    trainingCompletedAt: mentor.trainingCompletedAt,
  },
  mentee: {
    id: mentee.id,
    schoolId: mentee.schoolId,
    firstName: mentee.firstName,
    lastName: mentee.lastName,
    yearGroup: mentee.yearGroup,
    role: mentee.role,
    schoolName: menteeSchool.name,
    schoolTimeZone: menteeSchool.timeZone,
    parentalConsentAt: mentee.parentalConsentAt,
    trainingCompletedAt: mentee.trainingCompletedAt,
  },
};

function selectSessions(db: Db) {
  return db
    .select(sessionColumns)
    .from(sessionOccurrences)
    .innerJoin(pairings, eq(pairings.id, sessionOccurrences.pairingId))
    .innerJoin(partnerships, eq(partnerships.id, pairings.partnershipId))
    .leftJoin(programmes, eq(programmes.partnershipId, partnerships.id))
    .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
    .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
    .innerJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
    .innerJoin(menteeSchool, eq(menteeSchool.id, mentee.schoolId));
}

/** A school's session, and whether it is a gradual exit's final review (the iPad tells the students). */
export interface SchoolSessionRecord extends SessionRecord {
  finalReview: boolean;
}

/** What a school iPad's day shows of a student: never a surname. */
export type DayStudent = Pick<SessionStudent, 'id' | 'schoolId' | 'schoolName' | 'firstName' | 'yearGroup' | 'role'>;

/**
 * A session of a school's day as the iPad's list needs it, its instants as epoch milliseconds: the list is
 * polled by every iPad every 30 s, and a Temporal object per instant per row was a sixth of its time.
 */
export interface SchoolDaySession {
  id: string;
  cancelled: boolean;
  startsAtMs: number;
  endsAtMs: number;
  nextStartsAtMs: number | null;
  focus: string;
  finalReview: boolean;
  mentor: DayStudent;
  mentee: DayStudent;
}

export class SessionRepository {
  /**
   * Every school iPad asks for its school's day every 30 seconds: one statement, built and named
   * once (PostgreSQL parses it once per connection; PGlite is spared drizzle rebuilding it).
   */
  private readonly sessionsOfSchool;

  constructor(private readonly db: Db) {
    const school = sql.placeholder('school');
    // The school's pairings on both sides first, then each pair's sessions by start (session_occurrences_pairing_starts_idx).
    // As "= any(array(…))", not "in (…)": with "in" the planner walked the whole network's sessions up to the window's
    // end (52 ms on the bench's 97,500 sessions against 2 ms this way; EXPLAIN in bench/README.md).
    const ofSchool = sql`${sessionOccurrences.pairingId} = any(array(
      select p.id from ${pairings} p join ${students} s on s.id = p.mentor_id where s.school_id = ${school}
      union all
      select p.id from ${pairings} p join ${students} s on s.id = p.mentee_id where s.school_id = ${school}))`;
    this.sessionsOfSchool = selectSessions(this.db)
      .where(and(lt(sessionOccurrences.startsAt, sql.placeholder('to')), gt(sessionOccurrences.endsAt, sql.placeholder('from')), ofSchool))
      // As the two lists (mentor side, then mentee side) were merged by start; the id keeps ties still, so an unchanged day has one ETag.
      .orderBy(sessionOccurrences.startsAt, sql`${mentor.schoolId} = ${school} desc`, sessionOccurrences.id)
      .prepare('sessions_of_school');
  }

  async findById(id: string): Promise<SessionRecord | undefined> {
    const [row] = await selectSessions(this.db).where(eq(sessionOccurrences.id, id)).limit(1);
    return row ? toRecord(row) : undefined;
  }

  /** Sessions overlapping [from, to) in which a student of the given school takes part, by start. */
  async listForSchool(schoolId: string, from: Temporal.Instant, to: Temporal.Instant): Promise<SchoolSessionRecord[]> {
    const rows = await this.sessionsOfSchool.execute({ school: schoolId, from: toDate(from).toISOString(), to: toDate(to).toISOString() });
    return rows.map((row) => ({ ...toRecord(row), finalReview: asBoolean(row.finalReview) }));
  }

  /** The same sessions as `listForSchool` in the same order, mapped for the iPad's day list only. */
  async listDayForSchool(schoolId: string, fromMs: number, toMs: number): Promise<SchoolDaySession[]> {
    const rows = await this.sessionsOfSchool.execute({ school: schoolId, from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() });
    return rows.map((row) => ({
      id: row.id,
      cancelled: row.status === 'cancelled',
      startsAtMs: row.startsAt.getTime(),
      endsAtMs: row.endsAt.getTime(),
      nextStartsAtMs: row.nextStartsAt === null ? null : new Date(row.nextStartsAt).getTime(),
      focus: row.focus ?? '',
      finalReview: asBoolean(row.finalReview),
      mentor: toDayStudent(row.mentor),
      mentee: toDayStudent(row.mentee),
    }));
  }

  /** Every session a student is timetabled for, as mentor or mentee, oldest first, in one query. */
  async listForStudent(studentId: string): Promise<SessionRecord[]> {
    const rows = await selectSessions(this.db)
      .where(or(eq(mentor.id, studentId), eq(mentee.id, studentId)))
      .orderBy(sessionOccurrences.startsAt);
    return rows.map(toRecord);
  }

  /**
   * How many log entries each session has, and whether any is flagged (a
   * concern raised, or chat matching the keyword list), for the DSL's list.
   */
  /** Per session: its log entries, whether any is a flag, and whether a student ever joined (else it was not held). */
  async eventCounts(sessionIds: string[]): Promise<Map<string, { entries: number; flagged: boolean; joined: boolean }>> {
    if (sessionIds.length === 0) return new Map();
    const rows = await this.db
      .select({
        id: sessionEvents.occurrenceId,
        n: count(),
        flags: sql<number>`count(*) filter (where ${sessionEvents.type} = 'ConcernRaised' or ${sessionEvents.detail} ? 'flaggedKeywords')`,
        joins: sql<number>`count(*) filter (where ${sessionEvents.type} = 'SessionJoined')`,
      })
      .from(sessionEvents)
      .where(inArray(sessionEvents.occurrenceId, sessionIds))
      .groupBy(sessionEvents.occurrenceId);
    return new Map(rows.map((r) => [r.id, { entries: Number(r.n), flagged: Number(r.flags) > 0, joined: Number(r.joins) > 0 }]));
  }
}

type Row = Awaited<ReturnType<ReturnType<typeof selectSessions>['limit']>>[number];

function toRecord(row: Row): SessionRecord {
  return {
    id: row.id,
    cancelled: row.status === 'cancelled',
    startsAt: toInstant(row.startsAt),
    endsAt: toInstant(row.endsAt),
    mentor: toStudent(row.mentor),
    mentee: toStudent(row.mentee),
    chatKeywords: keywordsForSession([row.mentorSchoolKeywords, row.menteeSchoolKeywords], row.chatKeywords),
    focus: row.focus ?? '',
    // A raw subquery comes back as the driver's text, not a Date.
    nextStartsAt: row.nextStartsAt === null ? null : toInstant(new Date(row.nextStartsAt)),
    endedByStaff: asBoolean(row.endedByStaff),
  };
}

/** A raw boolean subquery: true from node-postgres, possibly 't' from another driver. */
function asBoolean(value: unknown): boolean {
  return value === true || String(value) === 't';
}

function toDayStudent(row: Row['mentor']): DayStudent {
  return { id: row.id, schoolId: row.schoolId, schoolName: row.schoolName, firstName: row.firstName, yearGroup: row.yearGroup, role: row.role };
}

function toStudent(row: Row['mentor']): SessionStudent {
  const { parentalConsentAt, trainingCompletedAt, ...rest } = row;
  return { ...rest, eligible: row.role === 'mentee' ? parentalConsentAt !== null : trainingCompletedAt !== null };
}
