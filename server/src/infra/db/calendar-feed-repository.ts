import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from './database.js';
import { calendarFeeds } from './schema.js';

export class CalendarFeedRepository {
  constructor(private readonly db: Db) {}

  /** One live feed per person: a new address revokes the old one. */
  async replace(staffId: string, tokenHash: string, now: Date): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .update(calendarFeeds)
        .set({ revokedAt: now })
        .where(and(eq(calendarFeeds.staffId, staffId), isNull(calendarFeeds.revokedAt)));
      await tx.insert(calendarFeeds).values({ tokenHash, staffId });
    });
  }

  async revokeAll(staffId: string, now: Date): Promise<void> {
    await this.db
      .update(calendarFeeds)
      .set({ revokedAt: now })
      .where(and(eq(calendarFeeds.staffId, staffId), isNull(calendarFeeds.revokedAt)));
  }

  async staffFor(tokenHash: string): Promise<string | undefined> {
    const [row] = await this.db
      .select({ staffId: calendarFeeds.staffId })
      .from(calendarFeeds)
      .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)))
      .limit(1);
    return row?.staffId;
  }
}
