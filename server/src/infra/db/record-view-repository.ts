import { and, asc, eq } from 'drizzle-orm';
import type { RecordAccess, RecordView } from '@peerbridge/shared';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import { recordViews, schools, staff } from './schema.js';

/** A child's records that staff read: a session's log, a concern, a child's chronology (keyed by student). */
export type ViewedRecordKind = 'session_log' | 'concern' | 'chronology';

/** What was done with the record (the kinds are the shared contract's). */
export type { RecordAccess };

/** The audit of who read which safeguarding record, when and how. Append-only. */
export class RecordViewRepository {
  constructor(private readonly db: Db) {}

  async record(staffId: string, kind: ViewedRecordKind, targetId: string, at: Temporal.Instant, access: RecordAccess = 'viewed'): Promise<void> {
    await this.recordMany(staffId, kind, [targetId], at, access);
  }

  /** One row per record, in one statement: a list shown is on the record in full or not at all. */
  async recordMany(staffId: string, kind: ViewedRecordKind, targetIds: string[], at: Temporal.Instant, access: RecordAccess): Promise<void> {
    if (targetIds.length === 0) return;
    const when = new Date(at.epochMilliseconds);
    await this.db.insert(recordViews).values(targetIds.map((targetId) => ({ staffId, targetKind: kind, targetId, access, at: when })));
  }

  async viewsOf(kind: ViewedRecordKind, targetId: string): Promise<RecordView[]> {
    const rows = await this.db
      .select({
        staffId: recordViews.staffId,
        fullName: staff.fullName,
        roles: staff.roles,
        schoolName: schools.name,
        access: recordViews.access,
        at: recordViews.at,
      })
      .from(recordViews)
      .innerJoin(staff, eq(staff.id, recordViews.staffId))
      .leftJoin(schools, eq(schools.id, staff.schoolId))
      .where(and(eq(recordViews.targetKind, kind), eq(recordViews.targetId, targetId)))
      .orderBy(asc(recordViews.id));
    return rows.map((r) => ({
      staffId: r.staffId,
      fullName: r.fullName,
      roles: r.roles,
      schoolName: r.schoolName,
      access: r.access as RecordAccess,
      at: r.at.toISOString(),
    }));
  }
}
