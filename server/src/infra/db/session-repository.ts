import { and, count, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import type { StudentRole } from '@peerbridge/shared';
import { keywordsForSession } from '../../domain/safeguarding/keyword-lists.js';
import type { Db } from './database.js';
import { pairings, partnerships, programmes, schools, sessionEvents, sessionOccurrences, students } from './schema.js';

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

export class SessionRepository {
  constructor(private readonly db: Db) {}

  private selectSessions() {
    return this.db
      .select({
        id: sessionOccurrences.id,
        status: sessionOccurrences.status,
        startsAt: sessionOccurrences.startsAt,
        endsAt: sessionOccurrences.endsAt,
        chatKeywords: partnerships.chatKeywords,
        focus: programmes.goals,
        // Correlated on purpose: one index probe per row (session_occurrences_pairing_idx), and the answer stays one query.
        nextStartsAt: sql<Date | string | null>`(select min(next.starts_at) from ${sessionOccurrences} as next where next.pairing_id = ${sessionOccurrences.pairingId} and next.starts_at > ${sessionOccurrences.startsAt} and next.status <> 'cancelled')`,
        mentorSchoolKeywords: mentorSchool.chatKeywords,
        menteeSchoolKeywords: menteeSchool.chatKeywords,
        // The log is the record of it (append-only, signed), so there is no second place it could disagree with.
        endedByStaff: sql<boolean>`exists (select 1 from ${sessionEvents} where ${sessionEvents.occurrenceId} = ${sessionOccurrences.id} and ${sessionEvents.type} = 'SessionEnded' and ${sessionEvents.detail} ->> 'reason' = 'ended_by_staff')`,
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
      })
      .from(sessionOccurrences)
      .innerJoin(pairings, eq(pairings.id, sessionOccurrences.pairingId))
      .innerJoin(partnerships, eq(partnerships.id, pairings.partnershipId))
      .leftJoin(programmes, eq(programmes.partnershipId, partnerships.id))
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      .innerJoin(mentorSchool, eq(mentorSchool.id, mentor.schoolId))
      .innerJoin(menteeSchool, eq(menteeSchool.id, mentee.schoolId));
  }

  async findById(id: string): Promise<SessionRecord | undefined> {
    const [row] = await this.selectSessions().where(eq(sessionOccurrences.id, id)).limit(1);
    return row ? toRecord(row) : undefined;
  }

  /** Sessions overlapping [from, to) in which a student of the given school takes part. */
  async listForSchool(schoolId: string, from: Temporal.Instant, to: Temporal.Instant): Promise<SessionRecord[]> {
    const overlapping = and(lt(sessionOccurrences.startsAt, toDate(to)), gt(sessionOccurrences.endsAt, toDate(from)));
    const [asMentorSchool, asMenteeSchool] = await Promise.all([
      this.selectSessions().where(and(overlapping, eq(mentor.schoolId, schoolId))),
      this.selectSessions().where(and(overlapping, eq(mentee.schoolId, schoolId))),
    ]);
    return [...asMentorSchool, ...asMenteeSchool]
      .map(toRecord)
      .sort((a, b) => Temporal.Instant.compare(a.startsAt, b.startsAt));
  }

  /** Every session a student is timetabled for, as mentor or mentee, oldest first, in one query. */
  async listForStudent(studentId: string): Promise<SessionRecord[]> {
    const rows = await this.selectSessions()
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

type Row = Awaited<ReturnType<ReturnType<SessionRepository['selectSessions']>['limit']>>[number];

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
    endedByStaff: row.endedByStaff === true || String(row.endedByStaff) === 't',
  };
}

function toStudent(row: Row['mentor']): SessionStudent {
  const { parentalConsentAt, trainingCompletedAt, ...rest } = row;
  return { ...rest, eligible: row.role === 'mentee' ? parentalConsentAt !== null : trainingCompletedAt !== null };
}
