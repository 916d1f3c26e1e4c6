import { and, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import type { Booking } from '../../domain/scheduling/calendar.js';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { pairings, partnerships, schools, scheduleChanges, sessionOccurrences, sessionSeries, students } from './schema.js';

const mentor = alias(students, 'mentor');
const mentee = alias(students, 'mentee');
const instant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());

export interface PairingRecord {
  id: string;
  partnershipId: string;
  mentor: { id: string; firstName: string; schoolId: string };
  mentee: { id: string; firstName: string; schoolId: string };
  /** Set once unpaired: an ended pairing books nothing more. */
  endedAt: Date | null;
}

/** Pairings, series and their occurrences, and the change log both coordinators read. */
export class SchedulingRepository {
  constructor(private readonly db: Db) {}

  async pairing(id: string): Promise<PairingRecord | undefined> {
    const [row] = await this.db
      .select({
        id: pairings.id,
        partnershipId: pairings.partnershipId,
        mentor: { id: mentor.id, firstName: mentor.firstName, schoolId: mentor.schoolId },
        mentee: { id: mentee.id, firstName: mentee.firstName, schoolId: mentee.schoolId },
        endedAt: pairings.endedAt,
      })
      .from(pairings)
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId))
      .where(eq(pairings.id, id))
      .limit(1);
    return row;
  }

  async schoolNames(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.db.select({ id: schools.id, name: schools.name }).from(schools).where(inArray(schools.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Scheduled occurrences with both students of their pairing, for the queries below to filter. */
  private scheduledWithStudents() {
    return this.db
      .select({
        id: sessionOccurrences.id,
        pairingId: sessionOccurrences.pairingId,
        start: sessionOccurrences.startsAt,
        end: sessionOccurrences.endsAt,
        mentorId: mentor.id,
        mentorSchool: mentor.schoolId,
        menteeId: mentee.id,
        menteeSchool: mentee.schoolId,
      })
      .from(sessionOccurrences)
      .innerJoin(pairings, eq(pairings.id, sessionOccurrences.pairingId))
      .innerJoin(mentor, eq(mentor.id, pairings.mentorId))
      .innerJoin(mentee, eq(mentee.id, pairings.menteeId));
  }

  /** Every scheduled session touching these schools in [from, to), as one booking per school end. */
  async bookings(schoolIds: string[], from: Temporal.Instant, to: Temporal.Instant): Promise<Booking[]> {
    const rows = await this.scheduledWithStudents()
      .where(
        and(
          eq(sessionOccurrences.status, 'scheduled'),
          lt(sessionOccurrences.startsAt, new Date(to.epochMilliseconds)),
          gte(sessionOccurrences.endsAt, new Date(from.epochMilliseconds)),
          or(inArray(mentor.schoolId, schoolIds), inArray(mentee.schoolId, schoolIds)),
        ),
      );
    return rows.flatMap((r) => [
      { schoolId: r.mentorSchool, studentIds: [r.mentorId], start: instant(r.start), end: instant(r.end) },
      { schoolId: r.menteeSchool, studentIds: [r.menteeId], start: instant(r.start), end: instant(r.end) },
    ]);
  }

  /** The weekly pattern a pairing already meets on, if any. */
  async existingSeries(pairingId: string): Promise<Record<string, unknown> | undefined> {
    const [row] = await this.db
      .select({ pattern: sessionSeries.pattern })
      .from(sessionSeries)
      .where(and(eq(sessionSeries.pairingId, pairingId), isNull(sessionSeries.endedAt)))
      .limit(1);
    return row?.pattern;
  }

  /** Mentees this mentor has a series with in the partnership (the caseload). */
  async caseload(mentorId: string, partnershipId: string): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ menteeId: pairings.menteeId })
      .from(sessionSeries)
      .innerJoin(pairings, eq(pairings.id, sessionSeries.pairingId))
      .where(and(eq(pairings.mentorId, mentorId), eq(pairings.partnershipId, partnershipId), isNull(sessionSeries.endedAt), isNull(pairings.endedAt)));
    return rows.map((r) => r.menteeId);
  }

  /** The series, its occurrences and the change-log entry, together or not at all. */
  async createSeries(input: {
    pairing: PairingRecord;
    pattern: Record<string, unknown>;
    occurrences: { start: Temporal.Instant; end: Temporal.Instant }[];
    by: string;
    at: Temporal.Instant;
  }, also?: AlsoInTransaction<string>): Promise<string> {
    return this.db.transaction(async (tx) => {
      const [series] = await tx
        .insert(sessionSeries)
        .values({ pairingId: input.pairing.id, pattern: input.pattern, createdBy: input.by })
        .returning({ id: sessionSeries.id });
      await tx.insert(sessionOccurrences).values(
        input.occurrences.map((o) => ({
          pairingId: input.pairing.id,
          seriesId: series!.id,
          startsAt: new Date(o.start.epochMilliseconds),
          endsAt: new Date(o.end.epochMilliseconds),
        })),
      );
      await tx.insert(scheduleChanges).values({
        partnershipId: input.pairing.partnershipId,
        at: new Date(input.at.epochMilliseconds),
        byStaffId: input.by,
        kind: 'series_created',
        detail: { pairingId: input.pairing.id, seriesId: series!.id, sessions: input.occurrences.length, ...input.pattern },
      });
      await also?.(tx as unknown as Db, series!.id);
      return series!.id;
    });
  }

  /** Future scheduled occurrences of series whose pairing involves the school. */
  async futureSeriesOccurrences(schoolId: string, from: Temporal.Instant) {
    return this.futureSeriesWhere(from, or(eq(mentor.schoolId, schoolId), eq(mentee.schoolId, schoolId)));
  }

  /** Future scheduled occurrences of series of the partnership's pairings (its programme changed). */
  async futurePartnershipOccurrences(partnershipId: string, from: Temporal.Instant) {
    return this.futureSeriesWhere(from, eq(pairings.partnershipId, partnershipId));
  }

  /** Series occurrences still scheduled from `from` on, among those `which` picks. */
  private futureSeriesWhere(from: Temporal.Instant, which: SQL | undefined) {
    return this.scheduledWithStudents().where(
      and(
        eq(sessionOccurrences.status, 'scheduled'),
        sql`${sessionOccurrences.seriesId} is not null`,
        gte(sessionOccurrences.startsAt, new Date(from.epochMilliseconds)),
        which,
      ),
    );
  }

  /**
   * Cancels one occurrence and records why; `named` (the pair, the session's date, the
   * closure that caused it) is kept with the change so it reads the same later. Answers the change's
   * id, or null when the occurrence was no longer scheduled (nothing written).
   */
  async cancelWithChange(input: {
    occurrenceId: string;
    partnershipId: string;
    reason: string;
    proposal: Record<string, unknown> | null;
    named?: Record<string, unknown>;
    by: string;
    at: Temporal.Instant;
  }, also?: AlsoInTransaction): Promise<number | null> {
    const at = new Date(input.at.epochMilliseconds);
    return this.db.transaction(async (tx) => {
      const updated = await tx
        .update(sessionOccurrences)
        .set({ status: 'cancelled', cancelReason: input.reason })
        .where(and(eq(sessionOccurrences.id, input.occurrenceId), eq(sessionOccurrences.status, 'scheduled')))
        .returning({ id: sessionOccurrences.id });
      // Someone else's change cancelled it a moment ago: theirs is the change on record.
      if (updated.length === 0) return null;
      const [row] = await tx
        .insert(scheduleChanges)
        .values({
          partnershipId: input.partnershipId,
          at,
          byStaffId: input.by,
          kind: 'occurrence_cancelled',
          occurrenceId: input.occurrenceId,
          detail: { ...input.named, reason: input.reason, proposedReplacement: input.proposal },
        })
        .returning({ id: scheduleChanges.id });
      await also?.(tx as unknown as Db);
      return row!.id;
    });
  }

  /** The cancellations these closures caused, oldest first. */
  async cancelledByClosures(closureIds: string[]) {
    if (closureIds.length === 0) return [];
    return this.db
      .select()
      .from(scheduleChanges)
      .where(and(eq(scheduleChanges.kind, 'occurrence_cancelled'), inArray(sql<string>`${scheduleChanges.detail}->>'closureId'`, closureIds)))
      .orderBy(sql`${scheduleChanges.id} asc`);
  }

  /** A cancelled occurrence booked again at its own time (its closure was undone), recorded with the change. */
  async restoreWithChange(input: {
    occurrenceId: string;
    partnershipId: string;
    detail: Record<string, unknown>;
    by: string;
    at: Temporal.Instant;
  }, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .update(sessionOccurrences)
        .set({ status: 'scheduled', cancelReason: null })
        .where(and(eq(sessionOccurrences.id, input.occurrenceId), eq(sessionOccurrences.status, 'cancelled')));
      await tx.insert(scheduleChanges).values({
        partnershipId: input.partnershipId,
        at: new Date(input.at.epochMilliseconds),
        byStaffId: input.by,
        kind: 'occurrence_restored',
        occurrenceId: input.occurrenceId,
        detail: input.detail,
      });
      await also?.(tx as unknown as Db);
    });
  }

  async change(id: number) {
    const [row] = await this.db.select().from(scheduleChanges).where(eq(scheduleChanges.id, id)).limit(1);
    return row;
  }

  /** Whether a cancelled occurrence's replacement has been booked already. */
  async replacementBooked(occurrenceId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: scheduleChanges.id })
      .from(scheduleChanges)
      .where(and(eq(scheduleChanges.occurrenceId, occurrenceId), eq(scheduleChanges.kind, 'replacement_booked')))
      .limit(1);
    return row !== undefined;
  }

  async occurrence(id: string) {
    const [row] = await this.db.select().from(sessionOccurrences).where(eq(sessionOccurrences.id, id)).limit(1);
    return row;
  }

  /** Books the proposed replacement and records it against the cancelled session, together. */
  async bookReplacement(input: {
    cancelled: { id: string; pairingId: string; seriesId: string | null };
    partnershipId: string;
    start: Temporal.Instant;
    end: Temporal.Instant;
    by: string;
    at: Temporal.Instant;
  }, also?: AlsoInTransaction<string>): Promise<string> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(sessionOccurrences)
        .values({
          pairingId: input.cancelled.pairingId,
          seriesId: input.cancelled.seriesId,
          startsAt: new Date(input.start.epochMilliseconds),
          endsAt: new Date(input.end.epochMilliseconds),
        })
        .returning({ id: sessionOccurrences.id });
      await tx.insert(scheduleChanges).values({
        partnershipId: input.partnershipId,
        at: new Date(input.at.epochMilliseconds),
        byStaffId: input.by,
        kind: 'replacement_booked',
        occurrenceId: input.cancelled.id,
        detail: { replacementOccurrenceId: row!.id, start: input.start.toString(), end: input.end.toString() },
      });
      await also?.(tx as unknown as Db, row!.id);
      return row!.id;
    });
  }

  async changesFor(schoolId: string) {
    const rows = await this.db
      .select({ change: scheduleChanges })
      .from(scheduleChanges)
      .innerJoin(partnerships, eq(partnerships.id, scheduleChanges.partnershipId))
      .where(or(eq(partnerships.mentorSchoolId, schoolId), eq(partnerships.menteeSchoolId, schoolId)))
      .orderBy(sql`${scheduleChanges.id} desc`)
      .limit(500);
    return rows.map((r) => ({ ...r.change, at: r.change.at.toISOString() }));
  }
}
