import { asc, eq } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { LockoutState } from '../../domain/access/login-lockout.js';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { devices, students } from './schema.js';

const toInstant = (d: Date | null) => (d ? Temporal.Instant.fromEpochMilliseconds(d.getTime()) : null);
const toDate = (i: Temporal.Instant | null) => (i ? new Date(i.epochMilliseconds) : null);

export class StudentRepository {
  constructor(private readonly db: Db) {}

  async pinState(studentId: string): Promise<(LockoutState & { pinHash: string | null }) | undefined> {
    const [row] = await this.db
      .select({ pinHash: students.pinHash, failures: students.pinFailedAttempts, lockedUntil: students.pinLockedUntil })
      .from(students)
      .where(eq(students.id, studentId))
      .limit(1);
    return row ? { pinHash: row.pinHash, failures: row.failures, lockedUntil: toInstant(row.lockedUntil) } : undefined;
  }

  async savePinState(studentId: string, state: LockoutState): Promise<void> {
    await this.db
      .update(students)
      .set({ pinFailedAttempts: state.failures, pinLockedUntil: toDate(state.lockedUntil) })
      .where(eq(students.id, studentId));
  }

  async deviceGuessState(deviceId: string): Promise<LockoutState> {
    const [row] = await this.db
      .select({ failures: devices.pinFailedAttempts, lockedUntil: devices.pinLockedUntil })
      .from(devices)
      .where(eq(devices.id, deviceId))
      .limit(1);
    return { failures: row?.failures ?? 0, lockedUntil: toInstant(row?.lockedUntil ?? null) };
  }

  async saveDeviceGuessState(deviceId: string, state: LockoutState): Promise<void> {
    await this.db
      .update(devices)
      .set({ pinFailedAttempts: state.failures, pinLockedUntil: toDate(state.lockedUntil) })
      .where(eq(devices.id, deviceId));
  }

  async findSchoolOf(studentId: string): Promise<string | undefined> {
    const [row] = await this.db.select({ schoolId: students.schoolId }).from(students).where(eq(students.id, studentId)).limit(1);
    return row?.schoolId;
  }

  /** Who a student is, for records that name them. */
  async findNamed(studentId: string): Promise<{ id: string; schoolId: string; firstName: string; lastName: string } | undefined> {
    const [row] = await this.db
      .select({ id: students.id, schoolId: students.schoolId, firstName: students.firstName, lastName: students.lastName })
      .from(students)
      .where(eq(students.id, studentId))
      .limit(1);
    return row;
  }

  async setPin(studentId: string, pinHash: string, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(students).set({ pinHash, pinFailedAttempts: 0, pinLockedUntil: null }).where(eq(students.id, studentId));
      await also?.(tx as unknown as Db);
    });
  }

  async setEligibility(
    studentId: string,
    change: { parentalConsent?: boolean | undefined; trainingCompleted?: boolean | undefined },
    at: Temporal.Instant,
    also?: AlsoInTransaction,
  ) {
    const when = toDate(at);
    await this.db.transaction(async (tx) => {
      await tx
        .update(students)
        .set({
          ...(change.parentalConsent === undefined ? {} : { parentalConsentAt: change.parentalConsent ? when : null }),
          ...(change.trainingCompleted === undefined ? {} : { trainingCompletedAt: change.trainingCompleted ? when : null }),
        })
        .where(eq(students.id, studentId));
      await also?.(tx as unknown as Db);
    });
  }

  /** Own-school view for staff: full names, year, role and what is on record. */
  async listForSchool(schoolId: string) {
    const rows = await this.db
      .select({
        id: students.id,
        firstName: students.firstName,
        lastName: students.lastName,
        yearGroup: students.yearGroup,
        role: students.role,
        hasPin: students.pinHash,
        parentalConsentAt: students.parentalConsentAt,
        trainingCompletedAt: students.trainingCompletedAt,
      })
      .from(students)
      .where(eq(students.schoolId, schoolId))
      .orderBy(asc(students.lastName), asc(students.firstName));
    return rows.map((r) => ({
      ...r,
      hasPin: r.hasPin !== null,
      parentalConsentAt: r.parentalConsentAt?.toISOString() ?? null,
      trainingCompletedAt: r.trainingCompletedAt?.toISOString() ?? null,
    }));
  }
}
