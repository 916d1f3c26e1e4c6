import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { StaffAuditAction, StaffAuditKind } from '@peerbridge/shared';
import type { Temporal } from 'temporal-polyfill';
import { GENESIS_HASH } from '../../domain/audit/hash-chain.js';
import { staffAuditHash, type StaffAuditContent, type StoredStaffAuditEntry } from '../../domain/audit/staff-audit.js';
import type { Db } from './database.js';
import { staffAudit } from './schema.js';

export interface NewStaffAuditEntry {
  schoolId: string;
  actorId: string;
  actorName: string;
  at: Temporal.Instant;
  action: StaffAuditAction;
}

export interface StaffAuditFilter {
  from?: Temporal.Instant | undefined;
  to?: Temporal.Instant | undefined;
  kind?: StaffAuditKind | undefined;
  actorId?: string | undefined;
  /** Only entries older than this seq (the previous page's last). */
  before?: number | undefined;
  limit: number;
}

/** An arbitrary constant naming the staff audit trail's advisory locks (the second key is the school). */
const AUDIT_LOCK_KEY = 4_242_004;

type Row = typeof staffAudit.$inferSelect;

function toEntry(row: Row): StoredStaffAuditEntry {
  return {
    id: row.id,
    schoolId: row.schoolId,
    seq: row.seq,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: { ...row.detail, kind: row.kind } as StaffAuditAction,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/**
 * The staff audit trail. Append-only (no update or delete here, and the
 * database refuses them anyway), hash-chained per school.
 */
export class StaffAuditRepository {
  constructor(private readonly db: Db) {}

  /** Appends inside the caller's transaction, so the entry commits or rolls back with the action it records. */
  async appendIn(tx: Db, entry: NewStaffAuditEntry): Promise<StoredStaffAuditEntry> {
    // One writer per school at a time until the transaction ends: two actions at once
    // must not both chain onto the same head (a unique violation would undo the action too).
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY}, hashtext(${entry.schoolId}))`);
    const [head] = await tx
      .select({ seq: staffAudit.seq, hash: staffAudit.hash })
      .from(staffAudit)
      .where(eq(staffAudit.schoolId, entry.schoolId))
      .orderBy(desc(staffAudit.seq))
      .limit(1);
    const prevHash = head?.hash ?? GENESIS_HASH;
    const content: StaffAuditContent = {
      schoolId: entry.schoolId,
      seq: (head?.seq ?? 0) + 1,
      // Millisecond precision, exactly as the database stores it, so the hash can be recomputed.
      at: new Date(entry.at.epochMilliseconds).toISOString(),
      actorId: entry.actorId,
      actorName: entry.actorName,
      action: entry.action,
    };
    const hash = staffAuditHash(prevHash, content);
    const { kind, ...detail } = entry.action;
    const [row] = await tx
      .insert(staffAudit)
      .values({
        schoolId: content.schoolId,
        seq: content.seq,
        kind,
        at: new Date(content.at),
        actorId: content.actorId,
        actorName: content.actorName,
        detail,
        prevHash,
        hash,
      })
      .returning({ id: staffAudit.id });
    return { ...content, id: row!.id, prevHash, hash };
  }

  /** Appends on its own, for actions that write nothing else (an export). */
  append(entry: NewStaffAuditEntry): Promise<StoredStaffAuditEntry> {
    return this.db.transaction((tx) => this.appendIn(tx as unknown as Db, entry));
  }

  /** Newest first, one page (and whether there is another). */
  async page(schoolId: string, filter: StaffAuditFilter): Promise<{ entries: StoredStaffAuditEntry[]; more: boolean }> {
    const conditions: SQL[] = [eq(staffAudit.schoolId, schoolId)];
    if (filter.from) conditions.push(gte(staffAudit.at, new Date(filter.from.epochMilliseconds)));
    if (filter.to) conditions.push(lte(staffAudit.at, new Date(filter.to.epochMilliseconds)));
    if (filter.kind) conditions.push(eq(staffAudit.kind, filter.kind));
    if (filter.actorId) conditions.push(eq(staffAudit.actorId, filter.actorId));
    if (filter.before) conditions.push(lt(staffAudit.seq, filter.before));
    const rows = await this.db
      .select()
      .from(staffAudit)
      .where(and(...conditions))
      .orderBy(desc(staffAudit.seq))
      .limit(filter.limit + 1);
    return { entries: rows.slice(0, filter.limit).map(toEntry), more: rows.length > filter.limit };
  }

  /** Everyone who has acted at the school, by the name they most recently acted under. */
  async actors(schoolId: string): Promise<{ id: string; name: string }[]> {
    const rows = await this.db
      .selectDistinctOn([staffAudit.actorId], { id: staffAudit.actorId, name: staffAudit.actorName })
      .from(staffAudit)
      .where(eq(staffAudit.schoolId, schoolId))
      .orderBy(staffAudit.actorId, desc(staffAudit.seq));
    return rows.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The school's whole trail in order, for verification. */
  async all(schoolId: string): Promise<StoredStaffAuditEntry[]> {
    const rows = await this.db.select().from(staffAudit).where(eq(staffAudit.schoolId, schoolId)).orderBy(asc(staffAudit.seq));
    return rows.map(toEntry);
  }
}
