import { and, eq, isNull } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import { staffRecoveryCodes, staffSecondFactors } from './schema.js';

export interface SecondFactorRecord {
  secretCiphertext: string;
  confirmedAt: Temporal.Instant | null;
  lastUsedStep: number | null;
}

const toDate = (i: Temporal.Instant) => new Date(i.epochMilliseconds);

export class SecondFactorRepository {
  constructor(private readonly db: Db) {}

  async find(staffId: string): Promise<SecondFactorRecord | undefined> {
    const [row] = await this.db.select().from(staffSecondFactors).where(eq(staffSecondFactors.staffId, staffId)).limit(1);
    if (!row) return undefined;
    return {
      secretCiphertext: row.secretCiphertext,
      confirmedAt: row.confirmedAt ? Temporal.Instant.fromEpochMilliseconds(row.confirmedAt.getTime()) : null,
      lastUsedStep: row.lastUsedStep,
    };
  }

  /** A new, unconfirmed secret replaces whatever was there. */
  async savePending(staffId: string, secretCiphertext: string): Promise<void> {
    await this.db
      .insert(staffSecondFactors)
      .values({ staffId, secretCiphertext })
      .onConflictDoUpdate({ target: staffSecondFactors.staffId, set: { secretCiphertext, confirmedAt: null, lastUsedStep: null } });
  }

  /** Confirms the authenticator and replaces the recovery codes, in one transaction. */
  async confirm(staffId: string, now: Temporal.Instant, step: number, recoveryCodeHashes: string[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(staffSecondFactors).set({ confirmedAt: toDate(now), lastUsedStep: step }).where(eq(staffSecondFactors.staffId, staffId));
      await tx.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, staffId));
      await tx.insert(staffRecoveryCodes).values(recoveryCodeHashes.map((codeHash) => ({ staffId, codeHash })));
    });
  }

  /** Records the accepted step, only if it is later than the last one: two requests cannot both use one code. */
  async useStep(staffId: string, step: number, previous: number | null): Promise<boolean> {
    const rows = await this.db
      .update(staffSecondFactors)
      .set({ lastUsedStep: step })
      .where(and(eq(staffSecondFactors.staffId, staffId), previous === null ? isNull(staffSecondFactors.lastUsedStep) : eq(staffSecondFactors.lastUsedStep, previous)))
      .returning({ staffId: staffSecondFactors.staffId });
    return rows.length === 1;
  }

  /** Spends one recovery code; false when it is not this person's or was already used. */
  async useRecoveryCode(staffId: string, codeHash: string, now: Temporal.Instant): Promise<boolean> {
    const rows = await this.db
      .update(staffRecoveryCodes)
      .set({ usedAt: toDate(now) })
      .where(and(eq(staffRecoveryCodes.staffId, staffId), eq(staffRecoveryCodes.codeHash, codeHash), isNull(staffRecoveryCodes.usedAt)))
      .returning({ id: staffRecoveryCodes.id });
    return rows.length === 1;
  }

  async unusedRecoveryCodes(staffId: string): Promise<number> {
    const rows = await this.db
      .select({ id: staffRecoveryCodes.id })
      .from(staffRecoveryCodes)
      .where(and(eq(staffRecoveryCodes.staffId, staffId), isNull(staffRecoveryCodes.usedAt)));
    return rows.length;
  }
}
