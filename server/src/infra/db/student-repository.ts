import { and, asc, count, eq, gt, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { Temporal } from 'temporal-polyfill';
import type { EligibilityRecord, RecordMethod, SchoolStudent } from '@peerbridge/shared';
import type { LockoutState } from '../../domain/access/login-lockout.js';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { devices, pairings, schools, sessionOccurrences, staff, students } from './schema.js';

export interface EligibilityChange {
  parentalConsent?: boolean | undefined;
  trainingCompleted?: boolean | undefined;
  method?: RecordMethod | undefined;
}

const consentBy = alias(staff, 'consent_by');
const trainingBy = alias(staff, 'training_by');

const recordOf = (at: Date | null, by: string | null, method: RecordMethod | null): EligibilityRecord | null =>
  at ? { recordedAt: at.toISOString(), recordedBy: by, method } : null;

const toInstant = (d: Date | null) => (d ? Temporal.Instant.fromEpochMilliseconds(d.getTime()) : null);
const toDate = (i: Temporal.Instant | null) => (i ? new Date(i.epochMilliseconds) : null);

export class StudentRepository {
  constructor(private readonly db: Db) {}

  /** `archived`: a student who has left signs in no more, whatever their PIN. */
  async pinState(studentId: string): Promise<(LockoutState & { pinHash: string | null; archived: boolean }) | undefined> {
    const [row] = await this.db
      .select({ pinHash: students.pinHash, failures: students.pinFailedAttempts, lockedUntil: students.pinLockedUntil, archivedAt: students.archivedAt })
      .from(students)
      .where(eq(students.id, studentId))
      .limit(1);
    return row ? { pinHash: row.pinHash, failures: row.failures, lockedUntil: toInstant(row.lockedUntil), archived: row.archivedAt !== null } : undefined;
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
  async findNamed(
    studentId: string,
  ): Promise<{ id: string; schoolId: string; firstName: string; lastName: string; parentalConsentAt: Date | null } | undefined> {
    const [row] = await this.db
      .select({
        id: students.id,
        schoolId: students.schoolId,
        firstName: students.firstName,
        lastName: students.lastName,
        parentalConsentAt: students.parentalConsentAt,
      })
      .from(students)
      .where(eq(students.id, studentId))
      .limit(1);
    return row;
  }

  /** Who several students are, with their school's name, for the PIN cards; ids that match no one are left out. */
  async findNamedMany(studentIds: string[]) {
    if (studentIds.length === 0) return [];
    return this.db
      .select({
        id: students.id,
        schoolId: students.schoolId,
        schoolName: schools.name,
        firstName: students.firstName,
        lastName: students.lastName,
      })
      .from(students)
      .innerJoin(schools, eq(schools.id, students.schoolId))
      .where(inArray(students.id, studentIds));
  }

  /** New PINs for several students in one transaction: all of them are set, or none is. */
  async setPins(pins: { studentId: string; pinHash: string }[], also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const { studentId, pinHash } of pins) {
        await tx.update(students).set({ pinHash, pinFailedAttempts: 0, pinLockedUntil: null }).where(eq(students.id, studentId));
      }
      await also?.(tx as unknown as Db);
    });
  }

  /** Scheduled sessions of a student that have not started yet, for telling the coordinator what a withdrawal blocks. */
  async upcomingSessionCount(studentId: string, now: Temporal.Instant): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(sessionOccurrences)
      .innerJoin(pairings, eq(pairings.id, sessionOccurrences.pairingId))
      .where(
        and(
          or(eq(pairings.mentorId, studentId), eq(pairings.menteeId, studentId)),
          eq(sessionOccurrences.status, 'scheduled'),
          gt(sessionOccurrences.startsAt, new Date(now.epochMilliseconds)),
        ),
      );
    return row?.n ?? 0;
  }

  async setPin(studentId: string, pinHash: string, also?: AlsoInTransaction): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.update(students).set({ pinHash, pinFailedAttempts: 0, pinLockedUntil: null }).where(eq(students.id, studentId));
      await also?.(tx as unknown as Db);
    });
  }

  /** Records (or clears) consent and training with who and how; a withdrawal clears who and how with it. */
  async setEligibility(studentId: string, change: EligibilityChange, at: Temporal.Instant, byStaffId: string, also?: AlsoInTransaction) {
    const when = toDate(at);
    const method = change.method ?? null;
    await this.db.transaction(async (tx) => {
      await tx
        .update(students)
        .set({
          ...(change.parentalConsent === undefined
            ? {}
            : change.parentalConsent
              ? { parentalConsentAt: when, parentalConsentBy: byStaffId, parentalConsentMethod: method }
              : { parentalConsentAt: null, parentalConsentBy: null, parentalConsentMethod: null }),
          ...(change.trainingCompleted === undefined
            ? {}
            : change.trainingCompleted
              ? { trainingCompletedAt: when, trainingRecordedBy: byStaffId, trainingMethod: method }
              : { trainingCompletedAt: null, trainingRecordedBy: null, trainingMethod: null }),
        })
        .where(eq(students.id, studentId));
      await also?.(tx as unknown as Db);
    });
  }

  /** Own-school view for staff: full names, year, role and what is on record, with who recorded it; current or archived students. */
  async listForSchool(schoolId: string, options: { archived?: boolean } = {}): Promise<SchoolStudent[]> {
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
        consentBy: consentBy.fullName,
        consentMethod: students.parentalConsentMethod,
        trainingBy: trainingBy.fullName,
        trainingMethod: students.trainingMethod,
        archivedAt: students.archivedAt,
      })
      .from(students)
      .leftJoin(consentBy, eq(consentBy.id, students.parentalConsentBy))
      .leftJoin(trainingBy, eq(trainingBy.id, students.trainingRecordedBy))
      .where(and(eq(students.schoolId, schoolId), options.archived ? isNotNull(students.archivedAt) : isNull(students.archivedAt)))
      .orderBy(asc(students.lastName), asc(students.firstName));
    return rows.map(({ consentBy: cBy, consentMethod, trainingBy: tBy, trainingMethod, ...r }) => ({
      ...r,
      hasPin: r.hasPin !== null,
      parentalConsentAt: r.parentalConsentAt?.toISOString() ?? null,
      trainingCompletedAt: r.trainingCompletedAt?.toISOString() ?? null,
      archivedAt: r.archivedAt?.toISOString() ?? null,
      parentalConsentRecord: recordOf(r.parentalConsentAt, cBy, consentMethod),
      trainingRecord: recordOf(r.trainingCompletedAt, tBy, trainingMethod),
    }));
  }
}
