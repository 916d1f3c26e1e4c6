import { and, eq, gt, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { StaffRole } from '../../domain/access/policy.js';
import type { Db } from './database.js';
import { schools, staff, staffSessions } from './schema.js';

export interface StaffRecord {
  id: string;
  email: string;
  fullName: string;
  schoolId: string | null;
  schoolName: string | null;
  roles: StaffRole[];
  passwordHash: string;
  failedLogins: number;
  lockedUntil: Temporal.Instant | null;
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
        roles: staff.roles,
        passwordHash: staff.passwordHash,
        failedLogins: staff.failedLogins,
        lockedUntil: staff.lockedUntil,
      })
      .from(staff)
      .leftJoin(schools, eq(schools.id, staff.schoolId));
  }

  async findByEmail(email: string): Promise<StaffRecord | undefined> {
    const [row] = await this.select().where(eq(staff.email, email.toLowerCase())).limit(1);
    return row ? { ...row, lockedUntil: toInstant(row.lockedUntil) } : undefined;
  }

  async findById(id: string): Promise<StaffRecord | undefined> {
    const [row] = await this.select().where(eq(staff.id, id)).limit(1);
    return row ? { ...row, lockedUntil: toInstant(row.lockedUntil) } : undefined;
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

  async createSession(tokenHash: string, staffId: string, expiresAt: Temporal.Instant): Promise<void> {
    await this.db.insert(staffSessions).values({ tokenHash, staffId, expiresAt: toDate(expiresAt)! });
  }

  async findLiveSession(tokenHash: string, now: Temporal.Instant): Promise<string | undefined> {
    const [row] = await this.db
      .select({ staffId: staffSessions.staffId })
      .from(staffSessions)
      .where(and(eq(staffSessions.tokenHash, tokenHash), isNull(staffSessions.revokedAt), gt(staffSessions.expiresAt, toDate(now)!)))
      .limit(1);
    return row?.staffId;
  }

  async revokeSession(tokenHash: string, now: Temporal.Instant): Promise<void> {
    await this.db.update(staffSessions).set({ revokedAt: toDate(now) }).where(eq(staffSessions.tokenHash, tokenHash));
  }
}
