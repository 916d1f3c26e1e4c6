import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { deviceEnrolmentCodes, devices, schools } from './schema.js';

export interface DeviceRecord {
  id: string;
  label: string;
  revoked: boolean;
  school: { id: string; name: string; timeZone: string };
}

export class DeviceRepository {
  constructor(private readonly db: Db) {}

  async findById(id: string): Promise<DeviceRecord | undefined> {
    const [row] = await this.db
      .select({
        id: devices.id,
        label: devices.label,
        revokedAt: devices.revokedAt,
        school: { id: schools.id, name: schools.name, timeZone: schools.timeZone },
      })
      .from(devices)
      .innerJoin(schools, eq(schools.id, devices.schoolId))
      .where(eq(devices.id, id))
      .limit(1);
    return row ? { id: row.id, label: row.label, revoked: row.revokedAt !== null, school: row.school } : undefined;
  }

  /** A new device with its one-time enrolment code, written together or not at all. */
  async createWithCode(
    input: { schoolId: string; label: string; enrolledBy: string; codeHash: string; expiresAt: Temporal.Instant },
    also?: AlsoInTransaction<{ id: string; label: string }>,
  ) {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(devices)
        .values({ schoolId: input.schoolId, label: input.label, enrolledBy: input.enrolledBy })
        .returning({ id: devices.id, label: devices.label });
      await tx
        .insert(deviceEnrolmentCodes)
        .values({ codeHash: input.codeHash, deviceId: row!.id, expiresAt: new Date(input.expiresAt.epochMilliseconds) });
      await also?.(tx as unknown as Db, row!);
      return row!;
    });
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
      const [device] = await tx
        .select({ deviceId: devices.id, schoolId: devices.schoolId })
        .from(devices)
        .where(and(eq(devices.id, used.deviceId), isNull(devices.revokedAt)))
        .limit(1);
      return device;
    });
  }

  async listForSchool(schoolId: string) {
    return this.db
      .select({ id: devices.id, label: devices.label, createdAt: devices.createdAt, revokedAt: devices.revokedAt })
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
