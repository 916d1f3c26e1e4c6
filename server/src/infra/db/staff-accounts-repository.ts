import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { StaffRole } from '../../domain/access/policy.js';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { staff, staffSetupCodes } from './schema.js';
import { NO_PASSWORD_YET } from './staff-import-repository.js';

/** A school's staff account as the accounts screen needs it (never its password hash). */
export interface StaffAccountRow {
  id: string;
  schoolId: string | null;
  fullName: string;
  email: string;
  roles: StaffRole[];
  deactivatedAt: Temporal.Instant | null;
  lockedUntil: Temporal.Instant | null;
  awaitingSetUp: boolean;
}

const toInstant = (d: Date | null) => (d ? Temporal.Instant.fromEpochMilliseconds(d.getTime()) : null);
const toDate = (i: Temporal.Instant) => new Date(i.epochMilliseconds);

/** A set-up code to store: only its hash, and until when it works. */
export interface NewSetupCode {
  codeHash: string;
  expiresAt: Temporal.Instant;
}

export class StaffAccountsRepository {
  constructor(private readonly db: Db) {}

  private select(db: Db = this.db) {
    return db
      .select({
        id: staff.id,
        schoolId: staff.schoolId,
        fullName: staff.fullName,
        email: staff.email,
        roles: staff.roles,
        deactivatedAt: staff.deactivatedAt,
        lockedUntil: staff.lockedUntil,
        awaitingSetUp: sql<boolean>`${staff.passwordHash} = ${NO_PASSWORD_YET}`,
      })
      .from(staff);
  }

  /** Everyone at the school, closed accounts too (their records stay theirs), by name. */
  async listAt(schoolId: string): Promise<StaffAccountRow[]> {
    const rows = await this.select().where(eq(staff.schoolId, schoolId)).orderBy(asc(staff.fullName), asc(staff.email));
    return rows.map(row);
  }

  async find(id: string, db: Db = this.db): Promise<StaffAccountRow | undefined> {
    const [found] = await this.select(db).where(eq(staff.id, id)).limit(1);
    return found ? row(found) : undefined;
  }

  /** A new account waiting for its set-up code; undefined when the email already has an account (anywhere). */
  async invite(
    input: { schoolId: string; email: string; fullName: string; roles: StaffRole[] },
    code: NewSetupCode,
    also?: AlsoInTransaction<StaffAccountRow>,
  ): Promise<StaffAccountRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(staff)
        .values({ ...input, passwordHash: NO_PASSWORD_YET })
        .onConflictDoNothing()
        .returning({ id: staff.id });
      if (!created) return undefined;
      await tx.insert(staffSetupCodes).values({ staffId: created.id, codeHash: code.codeHash, expiresAt: toDate(code.expiresAt) });
      const account = (await this.find(created.id, tx as unknown as Db))!;
      await also?.(tx as unknown as Db, account);
      return account;
    });
  }

  /**
   * A fresh set-up code; every earlier unused one stops working. With `resetPassword`,
   * the password goes too (and any lockout with it): the account waits for the new code.
   */
  async issueCode(staffId: string, code: NewSetupCode, options: { resetPassword: boolean }, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(staffSetupCodes).where(and(eq(staffSetupCodes.staffId, staffId), isNull(staffSetupCodes.usedAt)));
      await tx.insert(staffSetupCodes).values({ staffId, codeHash: code.codeHash, expiresAt: toDate(code.expiresAt) });
      if (options.resetPassword) {
        await tx.update(staff).set({ passwordHash: NO_PASSWORD_YET, failedLogins: 0, lockedUntil: null }).where(eq(staff.id, staffId));
      }
      await also?.(tx as unknown as Db);
    });
  }

  async setRoles(staffId: string, roles: StaffRole[], also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(staff).set({ roles }).where(eq(staff.id, staffId));
      await also?.(tx as unknown as Db);
    });
  }
}

function row<T extends { deactivatedAt: Date | null; lockedUntil: Date | null; awaitingSetUp: boolean }>(r: T) {
  // PGlite and node-postgres both answer a boolean; the coercion keeps either honest.
  return { ...r, deactivatedAt: toInstant(r.deactivatedAt), lockedUntil: toInstant(r.lockedUntil), awaitingSetUp: Boolean(r.awaitingSetUp) };
}
