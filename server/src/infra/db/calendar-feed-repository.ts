import { and, desc, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { CalendarFeedScope } from '@peerbridge/shared';
import type { Db } from './database.js';
import { calendarFeeds, sessionOccurrences, sessionSeries } from './schema.js';

export interface LiveFeed {
  staffId: string;
  scope: CalendarFeedScope;
  createdAt: Temporal.Instant;
}

export class CalendarFeedRepository {
  constructor(private readonly db: Db) {}

  /** One live feed per person: a new address revokes the old one. */
  async replace(staffId: string, tokenHash: string, scope: CalendarFeedScope, now: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .update(calendarFeeds)
        .set({ revokedAt: now })
        .where(and(eq(calendarFeeds.staffId, staffId), isNull(calendarFeeds.revokedAt)));
      await tx.insert(calendarFeeds).values({ tokenHash, staffId, scope, createdAt: now });
    });
  }

  async revokeAll(staffId: string, now: Date): Promise<void> {
    await this.db
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.staffId, staffId), isNull(calendarFeeds.revokedAt)));
  }

  /** The live feed behind an address, if it is still in use. */
  async feedFor(tokenHash: string): Promise<LiveFeed | undefined> {
    const [row] = await this.db
      .select({ staffId: calendarFeeds.staffId, scope: calendarFeeds.scope, createdAt: calendarFeeds.createdAt })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)))
      .limit(1);
    return row && live(row);
  }

  /** A member of staff's live feed (never its address: only the hash is kept). */
  async liveFeedOf(staffId: string): Promise<LiveFeed | undefined> {
    const [row] = await this.db
      .select({ staffId: calendarFeeds.staffId, scope: calendarFeeds.scope, createdAt: calendarFeeds.createdAt })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.staffId, staffId), isNull(calendarFeeds.revokedAt)))
      .orderBy(desc(calendarFeeds.createdAt))
      .limit(1);
    return row && live(row);
  }

  /** The sessions of the series a member of staff booked: what a 'mine' feed shows. */
  async sessionsBookedBy(staffId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ id: sessionOccurrences.id })
      .from(sessionOccurrences)
      .innerJoin(sessionSeries, eq(sessionSeries.id, sessionOccurrences.seriesId))
      .where(eq(sessionSeries.createdBy, staffId));
    return new Set(rows.map((r) => r.id));
  }
}

const live = (row: { staffId: string; scope: CalendarFeedScope; createdAt: Date }): LiveFeed => ({
  staffId: row.staffId,
  scope: row.scope,
  createdAt: Temporal.Instant.fromEpochMilliseconds(row.createdAt.getTime()),
});
