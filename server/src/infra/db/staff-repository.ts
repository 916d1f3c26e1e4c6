import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { StaffRole } from '../../domain/access/policy.js';
import type { StoredStaffSession } from '../../domain/access/staff-session-rules.js';
import type { Db } from './database.js';
import { schools, staff, staffSessions } from './schema.js';
import type { AlsoInTransaction } from './in-transaction.js';

export interface StaffRecord {
  id: string;
  email: string;
  fullName: string;
  schoolId: string | null;
  schoolName: string | null;
  schoolTimeZone: string | null;
  roles: StaffRole[];
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Temporal.Instant | null;
  deactivatedAt: Temporal.Instant | null;
}

export interface StaffSessionRecord extends StoredStaffSession {
  tokenHash: string;
  staffId: string;
}

const toInstant = (d: Date | null) => (d ? Temporal.Instant.fromEpochMilliseconds(d.getTime()) : null);
const toDate = (i: Temporal.Instant | null) => (i ? new Date(i.epochMilliseconds) : null);

export class StaffRepository {
  constructor(private readonly db: Db) {}

  private select() {
    return this.db
      .select({
        id: staff.id,
        email: staff.email,
        fullName: staff.fullName,
        schoolId: staff.schoolId,
        schoolName: schools.name,
        schoolTimeZone: schools.timeZone,
        roles: staff.roles,
        passwordHash: staff.passwordHash,
        failedLogins: staff.failedLogins,
        lockedUntil: staff.lockedUntil,
        deactivatedAt: staff.deactivatedAt,
      })
      .from(staff)
      .leftJoin(schools, eq(schools.id, staff.schoolId));
  }

  async findByEmail(email: string): Promise<StaffRecord | undefined> {
    const [row] = await this.select().where(eq(staff.email, email.toLowerCase())).limit(1);
    return row ? record(row) : undefined;
  }

  /** Full names by id, for records that name who did something. */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.select({ id: staff.id, name: staff.fullName }).from(staff).where(inArray(staff.id, ids));
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async findById(id: string): Promise<StaffRecord | undefined> {
    const [row] = await this.select().where(eq(staff.id, id)).limit(1);
    return row ? record(row) : undefined;
  }

  async create(input: { email: string; fullName: string; schoolId: string | null; roles: StaffRole[]; passwordHash: string }) {
    const [row] = await this.db
      .insert(staff)
      .values({ ...input, email: input.email.toLowerCase() })
      .onConflictDoNothing()
      .returning({ id: staff.id });
    return row?.id;
  }

  async saveLoginState(id: string, failedLogins: number, lockedUntil: Temporal.Instant | null): Promise<void> {
    await this.db.update(staff).set({ failedLogins, lockedUntil: toDate(lockedUntil) }).where(eq(staff.id, id));
  }

  /** `now` is the server's clock, not the database's: the idle time-out is measured on one clock. */
  async createSession(tokenHash: string, staffId: string, now: Temporal.Instant, expiresAt: Temporal.Instant): Promise<void> {
    await this.db.insert(staffSessions).values({ tokenHash, staffId, lastSeenAt: toDate(now)!, expiresAt: toDate(expiresAt)! });
  }

  async findSession(tokenHash: string): Promise<StaffSessionRecord | undefined> {
    const [row] = await this.db.select().from(staffSessions).where(eq(staffSessions.tokenHash, tokenHash)).limit(1);
    if (!row) return undefined;
    return {
      tokenHash: row.tokenHash,
      staffId: row.staffId,
      expiresAt: toInstant(row.expiresAt)!,
      lastSeenAt: toInstant(row.lastSeenAt)!,
      revokedAt: toInstant(row.revokedAt),
      steppedUpUntil: toInstant(row.steppedUpUntil),
    };
  }

  async touchSession(tokenHash: string, now: Temporal.Instant): Promise<void> {
    await this.db.update(staffSessions).set({ lastSeenAt: toDate(now)! }).where(eq(staffSessions.tokenHash, tokenHash));
  }

  async setSteppedUpUntil(tokenHash: string, until: Temporal.Instant): Promise<void> {
    await this.db.update(staffSessions).set({ steppedUpUntil: toDate(until) }).where(eq(staffSessions.tokenHash, tokenHash));
  }

  async revokeSession(tokenHash: string, now: Temporal.Instant): Promise<void> {
    await this.db
      .update(staffSessions)
      .set({ revokedAt: toDate(now) })
      .where(and(eq(staffSessions.tokenHash, tokenHash), isNull(staffSessions.revokedAt)));
  }

  /** Ends every open session of one member of staff (but `keep`, when given); answers the ones it ended. */
  async revokeSessionsOf(staffId: string, now: Temporal.Instant, keep?: string): Promise<string[]> {
    const rows = await this.db
      .update(staffSessions)
      .set({ revokedAt: toDate(now) })
      .where(and(eq(staffSessions.staffId, staffId), isNull(staffSessions.revokedAt), keep ? ne(staffSessions.tokenHash, keep) : undefined))
      .returning({ tokenHash: staffSessions.tokenHash });
    return rows.map((r) => r.tokenHash);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.update(staff).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(staff.id, id));
  }

  /** `also` runs only when this call deactivated the account (not when it was closed already). */
  async deactivate(id: string, now: Temporal.Instant, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      const closed = await tx
        .update(staff)
        .set({ deactivatedAt: toDate(now) })
        .where(and(eq(staff.id, id), isNull(staff.deactivatedAt)))
        .returning({ id: staff.id });
      if (closed.length > 0) await also?.(tx as unknown as Db);
    });
  }
}

function record<T extends { lockedUntil: Date | null; deactivatedAt: Date | null }>(row: T) {
  return { ...row, lockedUntil: toInstant(row.lockedUntil), deactivatedAt: toInstant(row.deactivatedAt) };
}
