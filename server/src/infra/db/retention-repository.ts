import { and, eq, exists, inArray, lt, notExists, sql } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import { concerns, pairings, partnerships, retentionPurges, sessionEvents, sessionOccurrences } from './schema.js';

export class RetentionRepository {
  constructor(private readonly db: Db) {}

  /**
   * Sessions whose logs have outlived their partnership's policy, split into
   * those that may go and those a concern keeps. The database function checks
   * again before deleting anything.
   */
  async candidates(now: Temporal.Instant): Promise<{ purgeable: string[]; keptForConcerns: string[] }> {
    const nowDate = new Date(now.epochMilliseconds);
    const expired = and(
      lt(sessionOccurrences.endsAt, sql`${nowDate}::timestamptz - make_interval(days => ${partnerships.sessionLogRetentionDays})`),
      exists(this.db.select({ one: sql`1` }).from(sessionEvents).where(eq(sessionEvents.occurrenceId, sessionOccurrences.id))),
    );
    const hasConcern = this.db.select({ one: sql`1` }).from(concerns).where(eq(concerns.sessionId, sessionOccurrences.id));
    const base = () =>
      this.db
        .select({ id: sessionOccurrences.id })
        .from(sessionOccurrences)
        .innerJoin(pairings, eq(pairings.id, sessionOccurrences.pairingId))
        .innerJoin(partnerships, eq(partnerships.id, pairings.partnershipId));
    const [purgeable, kept] = await Promise.all([
      base().where(and(expired, notExists(hasConcern))),
      base().where(and(expired, exists(hasConcern))),
    ]);
    return { purgeable: purgeable.map((r) => r.id), keptForConcerns: kept.map((r) => r.id) };
  }

  /** Deletes one session's log through the guarded database function; returns how many entries went. */
  async purgeSessionLog(sessionId: string): Promise<number> {
    const [row] = await this.db
      .select({ purged: sql<number>`peerbridge_purge_session_log(${sessionId}::uuid)` })
      .from(sql`(select 1) as one`);
    return Number(row?.purged ?? 0);
  }

  async recordPurge(entry: { ranAt: Temporal.Instant; sessionsPurged: number; entriesPurged: number; sessionsKeptForConcerns: number }) {
    await this.db.insert(retentionPurges).values({ ...entry, ranAt: new Date(entry.ranAt.epochMilliseconds) });
  }

  async purges() {
    return this.db.select().from(retentionPurges).orderBy(retentionPurges.id);
  }

  async setPolicy(partnershipIds: string[], days: number): Promise<void> {
    await this.db.update(partnerships).set({ sessionLogRetentionDays: days }).where(inArray(partnerships.id, partnershipIds));
  }
}
