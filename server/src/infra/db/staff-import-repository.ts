import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { StaffRole } from '@peerbridge/shared';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { staff, staffSetupCodes } from './schema.js';

/** A password hash that no password matches: the account waits for its set-up code. */
export const NO_PASSWORD_YET = '!set-up-code-pending';

export interface CreatedAccount {
  id: string;
  fullName: string;
  roles: StaffRole[];
}

/** An account to create: it has no password until its set-up code is used. */
export interface NewAccount {
  email: string;
  fullName: string;
  roles: StaffRole[];
}

export class StaffImportRepository {
  constructor(private readonly db: Db) {}

  async existingEmails(emails: string[]): Promise<Set<string>> {
    if (emails.length === 0) return new Set();
    const rows = await this.db.select({ email: staff.email }).from(staff).where(inArray(staff.email, emails));
    return new Set(rows.map((r) => r.email));
  }

  /** New accounts and their set-up codes, all written or none (no school: deployment admins). */
  async createWithCodes(
    schoolId: string | null,
    rows: { account: NewAccount; codeHash: string }[],
    expiresAt: Temporal.Instant,
    also?: AlsoInTransaction<CreatedAccount[]>,
  ) {
    return this.db.transaction(async (tx) => {
      const accounts: CreatedAccount[] = [];
      for (const { account, codeHash } of rows) {
        const [created] = await tx
          .insert(staff)
          .values({ schoolId, email: account.email, fullName: account.fullName, roles: account.roles, passwordHash: NO_PASSWORD_YET })
          .returning({ id: staff.id, fullName: staff.fullName, roles: staff.roles });
        await tx.insert(staffSetupCodes).values({ codeHash, staffId: created!.id, expiresAt: new Date(expiresAt.epochMilliseconds) });
        accounts.push(created!);
      }
      await also?.(tx as unknown as Db, accounts);
      return accounts;
    });
  }

  /** Uses a set-up code: the password is set only if the code is unused and in date. */
  async redeem(codeHash: string, passwordHash: string, now: Temporal.Instant): Promise<boolean> {
    const at = new Date(now.epochMilliseconds);
    return this.db.transaction(async (tx) => {
      const [code] = await tx
        .update(staffSetupCodes)
        .set({ usedAt: at })
        .where(and(eq(staffSetupCodes.codeHash, codeHash), isNull(staffSetupCodes.usedAt), gt(staffSetupCodes.expiresAt, at)))
        .returning({ staffId: staffSetupCodes.staffId });
      if (!code) return false;
      await tx.update(staff).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(staff.id, code.staffId));
      return true;
    });
  }
}
