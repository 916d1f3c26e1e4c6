import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import type { NewNotice, OnNoticesRaised } from './notice-repository.js';
import { coordinatorNotices, pairings, scheduleChanges, schools, sessionOccurrences, sessionSeries, students } from './schema.js';

const toDate = (i: Temporal.Instant) => new Date(i.epochMilliseconds);

/** One lifecycle action's writes: all of them, with its audit entries, or none. */
export interface LifecycleWrite {
  at: Temporal.Instant;
  by: string;
  /** Scheduled sessions to cancel, with the reason kept on each. */
  cancel: { ids: string[]; reason: string };
  /** A session booked instead (a move). */
  book?: { pairingId: string; seriesId: string | null; start: Temporal.Instant; end: Temporal.Instant };
  endSeriesIds?: string[];
  endPairings?: { ids: string[]; reason: string };
  archive?: { studentId: string; reason: string | null };
  /** Change-log entries; `detail` may name the session booked. */
  changes: { partnershipId: string; kind: string; occurrenceId: string | null; detail: (bookedId: string | null) => Record<string, unknown> }[];
  notices: NewNotice[];
}

/** A pairing's series and sessions as the lifecycle actions read and end them. */
export class SeriesLifecycleRepository {
  constructor(
    private readonly db: Db,
    /** The schedule_changed notices a change raised, in its transaction (their emails to both coordinators). */
    private readonly onNoticesRaised?: OnNoticesRaised,
  ) {}

  async pairingState(pairingId: string) {
    const [row] = await this.db
      .select({ endedAt: pairings.endedAt, endReason: pairings.endReason })
      .from(pairings)
      .where(eq(pairings.id, pairingId))
      .limit(1);
    return row;
  }

  /** The series the pairing meets on now (not ended), if any. */
  async currentSeries(pairingId: string) {
    const [row] = await this.db
      .select({ id: sessionSeries.id, pattern: sessionSeries.pattern })
      .from(sessionSeries)
      .where(and(eq(sessionSeries.pairingId, pairingId), isNull(sessionSeries.endedAt)))
      .limit(1);
    return row;
  }

  /** The pairing's sessions starting at or after `from`, earliest first; cancelled ones too unless `scheduledOnly`. */
  async sessionsFrom(pairingIds: string[], from: Temporal.Instant, options: { limit?: number; scheduledOnly?: boolean } = {}) {
    if (pairingIds.length === 0) return [];
    const query = this.db
      .select({
        id: sessionOccurrences.id,
        pairingId: sessionOccurrences.pairingId,
        seriesId: sessionOccurrences.seriesId,
        start: sessionOccurrences.startsAt,
        end: sessionOccurrences.endsAt,
        status: sessionOccurrences.status,
        cancelReason: sessionOccurrences.cancelReason,
      })
      .from(sessionOccurrences)
      .where(
        and(
          inArray(sessionOccurrences.pairingId, pairingIds),
          gte(sessionOccurrences.startsAt, toDate(from)),
          options.scheduledOnly ? eq(sessionOccurrences.status, 'scheduled') : undefined,
        ),
      )
      .orderBy(asc(sessionOccurrences.startsAt));
    return options.limit ? query.limit(options.limit) : query;
  }

  /** A student's pairings that have not ended, with the partnership they are in. */
  async currentPairingsOf(studentId: string) {
    return this.db
      .select({ id: pairings.id })
      .from(pairings)
      .where(and(or(eq(pairings.mentorId, studentId), eq(pairings.menteeId, studentId)), isNull(pairings.endedAt)));
  }

  /** Each school's name and zone: sessions are told in the mentee school's clock. */
  async schools(ids: string[]): Promise<Map<string, { name: string; timeZone: string }>> {
    const rows = await this.db.select({ id: schools.id, name: schools.name, timeZone: schools.timeZone }).from(schools).where(inArray(schools.id, ids));
    return new Map(rows.map((r) => [r.id, { name: r.name, timeZone: r.timeZone }]));
  }

  async student(studentId: string) {
    const [row] = await this.db
      .select({ id: students.id, schoolId: students.schoolId, firstName: students.firstName, lastName: students.lastName, archivedAt: students.archivedAt })
      .from(students)
      .where(eq(students.id, studentId))
      .limit(1);
    return row;
  }

  /** Writes one action together with `also` (its audit entries); answers the id of the session it booked, if any. */
  async apply(write: LifecycleWrite, also?: AlsoInTransaction<string | null>): Promise<string | null> {
    const at = toDate(write.at);
    return this.db.transaction(async (tx) => {
      if (write.cancel.ids.length > 0) {
        await tx
          .update(sessionOccurrences)
          .set({ status: 'cancelled', cancelReason: write.cancel.reason })
          .where(and(inArray(sessionOccurrences.id, write.cancel.ids), eq(sessionOccurrences.status, 'scheduled')));
      }
      let bookedId: string | null = null;
      if (write.book) {
        const [row] = await tx
          .insert(sessionOccurrences)
          .values({ pairingId: write.book.pairingId, seriesId: write.book.seriesId, startsAt: toDate(write.book.start), endsAt: toDate(write.book.end) })
          .returning({ id: sessionOccurrences.id });
        bookedId = row!.id;
      }
      if (write.endSeriesIds?.length) {
        await tx.update(sessionSeries).set({ endedAt: at }).where(and(inArray(sessionSeries.id, write.endSeriesIds), isNull(sessionSeries.endedAt)));
      }
      if (write.endPairings?.ids.length) {
        await tx
          .update(pairings)
          .set({ endedAt: at, endedBy: write.by, endReason: write.endPairings.reason })
          .where(and(inArray(pairings.id, write.endPairings.ids), isNull(pairings.endedAt)));
      }
      if (write.archive) {
        await tx.update(students).set({ archivedAt: at, archivedBy: write.by, archiveReason: write.archive.reason }).where(eq(students.id, write.archive.studentId));
      }
      for (const change of write.changes) {
        await tx.insert(scheduleChanges).values({
          partnershipId: change.partnershipId,
          at,
          byStaffId: write.by,
          kind: change.kind,
          occurrenceId: change.occurrenceId,
          detail: change.detail(bookedId),
        });
      }
      if (write.notices.length > 0) {
        const raised = await tx
          .insert(coordinatorNotices)
          .values(write.notices)
          .onConflictDoNothing()
          .returning({ id: coordinatorNotices.id, schoolId: coordinatorNotices.schoolId, kind: coordinatorNotices.kind });
        if (raised.length > 0) await this.onNoticesRaised?.(tx as unknown as Db, raised);
      }
      await also?.(tx as unknown as Db, bookedId);
      return bookedId;
    });
  }
}
