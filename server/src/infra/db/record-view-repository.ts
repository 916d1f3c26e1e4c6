import { and, asc, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import { recordViews, staff } from './schema.js';

export type ViewedRecordKind = 'session_log' | 'concern';

/** The audit of who looked at which safeguarding record. Append-only. */
export class RecordViewRepository {
  constructor(private readonly db: Db) {}

  async record(staffId: string, kind: ViewedRecordKind, targetId: string, at: Temporal.Instant): Promise<void> {
    await this.db.insert(recordViews).values({ staffId, targetKind: kind, targetId, at: new Date(at.epochMilliseconds) });
  }

  async viewsOf(kind: ViewedRecordKind, targetId: string) {
    const rows = await this.db
      .select({ staffId: recordViews.staffId, fullName: staff.fullName, at: recordViews.at })
      .from(recordViews)
      .innerJoin(staff, eq(staff.id, recordViews.staffId))
      .where(and(eq(recordViews.targetKind, kind), eq(recordViews.targetId, targetId)))
      .orderBy(asc(recordViews.id));
    return rows.map((r) => ({ staffId: r.staffId, fullName: r.fullName, at: r.at.toISOString() }));
  }
}
