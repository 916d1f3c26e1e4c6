import { and, desc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { deviceEnrolmentCodes, devices, schoolDayVersions, schools } from './schema.js';

export interface DeviceRecord {
  id: string;
  label: string;
  revoked: boolean;
  lastUsedAt: Temporal.Instant | null;
  school: { id: string; name: string; timeZone: string };
  /** The school's today-list change version, read in the same statement as the row: before any list it is checked against. */
  schoolDayVersion: string;
}

/** Another of the school's working iPads already has the label (the partial unique index said so). */
export const LABEL_TAKEN = 'label_taken' as const;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } } | undefined;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

const toInstant = (d: Date | null) => (d ? Temporal.Instant.fromEpochMilliseconds(d.getTime()) : null);

export class DeviceRepository {
  /** Every request of every school iPad looks its device up: built and named once, not per request. */
  private readonly deviceById;

  constructor(private readonly db: Db) {
    this.deviceById = this.db
      .select({
        id: devices.id,
        label: devices.label,
        revokedAt: devices.revokedAt,
        lastUsedAt: devices.lastUsedAt,
        school: { id: schools.id, name: schools.name, timeZone: schools.timeZone },
        // As text: bigint comes back as a string from node-postgres and may not from PGlite.
        schoolDayVersion: sql<string>`coalesce((select ${schoolDayVersions.version} from ${schoolDayVersions} where ${schoolDayVersions.schoolId} = ${devices.schoolId}), 0)::text`,
      })
      .from(devices)
      .innerJoin(schools, eq(schools.id, devices.schoolId))
      .where(eq(devices.id, sql.placeholder('id')))
      .limit(1)
      .prepare('device_by_id');
  }

  async findById(id: string): Promise<DeviceRecord | undefined> {
    const [row] = await this.deviceById.execute({ id });
    return row
      ? {
          id: row.id,
          label: row.label,
          revoked: row.revokedAt !== null,
          lastUsedAt: toInstant(row.lastUsedAt),
          school: row.school,
          schoolDayVersion: String(row.schoolDayVersion),
        }
      : undefined;
  }

  /** Whether one of the school's working iPads is already called `label`, case aside. */
  async labelTaken(schoolId: string, label: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: devices.id })
      .from(devices)
      .where(and(eq(devices.schoolId, schoolId), isNull(devices.revokedAt), sql`lower(${devices.label}) = lower(${label})`))
      .limit(1);
    return row !== undefined;
  }

  /**
   * A new device with its one-time enrolment code, written together or not at all;
   * LABEL_TAKEN when another working iPad of the school got the label first.
   */
  async createWithCode(
    input: { schoolId: string; label: string; room: string | null; enrolledBy: string; codeHash: string; expiresAt: Temporal.Instant },
    also?: AlsoInTransaction<{ id: string; label: string }>,
  ): Promise<{ id: string; label: string } | typeof LABEL_TAKEN> {
    try {
      return await this.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(devices)
          .values({ schoolId: input.schoolId, label: input.label, room: input.room, enrolledBy: input.enrolledBy })
          .returning({ id: devices.id, label: devices.label });
        await tx
          .insert(deviceEnrolmentCodes)
          .values({ codeHash: input.codeHash, deviceId: row!.id, expiresAt: new Date(input.expiresAt.epochMilliseconds) });
        await also?.(tx as unknown as Db, row!);
        return row!;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return LABEL_TAKEN;
      throw error;
    }
  }

  /**
   * A fresh code for a device not revoked: its earlier unused codes expire now, so
   * only the newest works. False (and nothing written) when the device is revoked.
   */
  async replaceCode(
    input: { deviceId: string; codeHash: string; now: Temporal.Instant; expiresAt: Temporal.Instant },
    also?: AlsoInTransaction,
  ): Promise<boolean> {
    const now = new Date(input.now.epochMilliseconds);
    return this.db.transaction(async (tx) => {
      const [live] = await tx
        .select({ id: devices.id })
        .from(devices)
        .where(and(eq(devices.id, input.deviceId), isNull(devices.revokedAt)))
        .for('update')
        .limit(1);
      if (!live) return false;
      await tx
        .update(deviceEnrolmentCodes)
        .set({ expiresAt: now })
        .where(and(eq(deviceEnrolmentCodes.deviceId, input.deviceId), isNull(deviceEnrolmentCodes.usedAt), gt(deviceEnrolmentCodes.expiresAt, now)));
      await tx
        .insert(deviceEnrolmentCodes)
        .values({ codeHash: input.codeHash, deviceId: input.deviceId, expiresAt: new Date(input.expiresAt.epochMilliseconds) });
      await also?.(tx as unknown as Db);
      return true;
    });
  }

  /** Writes down a use of the device's token unless one was written in the last minute (`since`). */
  async recordUse(id: string, now: Temporal.Instant, since: Temporal.Instant): Promise<void> {
    await this.db
      .update(devices)
      .set({ lastUsedAt: new Date(now.epochMilliseconds) })
      .where(and(eq(devices.id, id), or(isNull(devices.lastUsedAt), lte(devices.lastUsedAt, new Date(since.epochMilliseconds)))));
  }

  /** Marks the code used and returns its device, if the code is unused, unexpired and its device not revoked. */
  async redeemCode(codeHash: string, now: Temporal.Instant): Promise<{ deviceId: string; schoolId: string } | undefined> {
    const nowDate = new Date(now.epochMilliseconds);
    return this.db.transaction(async (tx) => {
      const [used] = await tx
        .update(deviceEnrolmentCodes)
        .set({ usedAt: nowDate })
        .where(
          and(eq(deviceEnrolmentCodes.codeHash, codeHash), isNull(deviceEnrolmentCodes.usedAt), gt(deviceEnrolmentCodes.expiresAt, nowDate)),
        )
        .returning({ deviceId: deviceEnrolmentCodes.deviceId });
      if (!used) return undefined;
      // Redeeming is what enrols it: from now on it is in the school's pool.
      const [device] = await tx
        .update(devices)
        .set({ redeemedAt: sql`coalesce(${devices.redeemedAt}, ${nowDate.toISOString()}::timestamptz)` })
        .where(and(eq(devices.id, used.deviceId), isNull(devices.revokedAt)))
        .returning({ deviceId: devices.id, schoolId: devices.schoolId });
      return device;
    });
  }

  async listForSchool(schoolId: string) {
    return this.db
      .select({
        id: devices.id,
        label: devices.label,
        room: devices.room,
        createdAt: devices.createdAt,
        redeemedAt: devices.redeemedAt,
        lastUsedAt: devices.lastUsedAt,
        revokedAt: devices.revokedAt,
      })
      .from(devices)
      .where(eq(devices.schoolId, schoolId))
      .orderBy(desc(devices.createdAt));
  }

  async findSchoolOf(id: string): Promise<string | undefined> {
    const [row] = await this.db.select({ schoolId: devices.schoolId }).from(devices).where(eq(devices.id, id)).limit(1);
    return row?.schoolId;
  }

  /** `also` runs only when this call revoked the device (not when it was revoked already). */
  async revoke(id: string, now: Temporal.Instant, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      const revoked = await tx
        .update(devices)
        .set({ revokedAt: new Date(now.epochMilliseconds) })
        .where(and(eq(devices.id, id), isNull(devices.revokedAt)))
        .returning({ id: devices.id });
      if (revoked.length > 0) await also?.(tx as unknown as Db);
    });
  }
}
