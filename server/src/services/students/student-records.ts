import { randomInt } from 'node:crypto';
import type { Temporal } from 'temporal-polyfill';
import type { PinCard, SchoolStudent, StaffAuditAction } from '@peerbridge/shared';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { can } from '../../domain/access/policy.js';
import { generatePins } from '../../domain/access/pin-rules.js';
import { studentLabel } from '../../domain/audit/staff-audit.js';
import type { ProfileRow, StudentRow } from '../../domain/import/student-rows.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { AlsoInTransaction } from '../../infra/db/in-transaction.js';
import type { NoticeRepository } from '../../infra/db/notice-repository.js';
import type { StudentImportRepository } from '../../infra/db/student-import-repository.js';
import type { EligibilityChange, StudentRepository } from '../../infra/db/student-repository.js';
import { hashSecret } from '../staff/passwords.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { schoolOf } from '../staff/staff-school.js';
import { consentWithdrawnNotice } from './consent-withdrawn-notice.js';

/** How many students an import creates and updates, and how many it gives free periods and subjects. */
export interface ImportCounts {
  created: number;
  updated: number;
  freePeriods: number;
  subjects: number;
}

const notYours = () => new AppError('forbidden', 'Your account does not have access to that.');

/** A coordinator's changes to their own school's student records: PINs, consent, training, imports. Each is audited. */
export class StudentRecords {
  constructor(
    private readonly deps: {
      students: Pick<
        StudentRepository,
        'findNamed' | 'findNamedMany' | 'setPin' | 'setPins' | 'setEligibility' | 'listForSchool' | 'upcomingSessionCount'
      >;
      imports: Pick<StudentImportRepository, 'upsert' | 'updateProfiles'>;
      notices: Pick<NoticeRepository, 'raise'>;
      audit: Pick<StaffAuditTrail, 'recording'>;
      clock: Clock;
    },
  ) {}

  async setPin(staff: StaffIdentity, studentId: string, pin: string): Promise<void> {
    const student = await this.ownStudent(staff, studentId);
    const hash = await hashSecret(pin);
    await this.deps.students.setPin(student.id, hash, this.deps.audit.recording(staff, () => ({ kind: 'PinReset', student: student.ref })));
  }

  /**
   * New random PINs for several own-school students at once, answered in
   * clear this one time (to print as cards) and stored only as hashes. Any
   * student not at the coordinator's school refuses the whole request, so a
   * class never ends up half re-PINned.
   */
  async generatePins(staff: StaffIdentity, studentIds: string[]): Promise<PinCard[]> {
    const found = new Map((await this.deps.students.findNamedMany(studentIds)).map((s) => [s.id, s]));
    const missing = studentIds.filter((id) => !found.has(id));
    if (missing.length > 0) throw AppError.notFound(`No such student: ${missing.join(', ')}.`);
    const chosen = studentIds.map((id) => found.get(id)!);
    // One check per student: `can` with several schools means "any of them", which here would let one own-school name carry others.
    if (!chosen.every((s) => can(staff, 'students:manage', [s.schoolId]))) throw notYours();

    const pins = generatePins(chosen.length, (n) => randomInt(n));
    const hashes = await Promise.all(pins.map((pin) => hashSecret(pin)));
    const refs = chosen.map((s) => ({ id: s.id, name: studentLabel(s.firstName, s.lastName) }));
    await this.deps.students.setPins(
      chosen.map((s, i) => ({ studentId: s.id, pinHash: hashes[i]! })),
      this.deps.audit.recording(staff, () => ({ kind: 'PinsGenerated', students: refs })),
    );
    return chosen.map((s, i) => ({
      studentId: s.id,
      firstName: s.firstName,
      surnameInitial: s.lastName.slice(0, 1).toUpperCase(),
      school: s.schoolName,
      pin: pins[i]!,
    }));
  }

  /**
   * Records consent or training with who and how. Withdrawing consent that was
   * on record tells the school's coordinators, in the same transaction, how
   * many booked sessions the child now cannot join (the join rules refuse them
   * until consent is recorded again; the sessions stay booked). `also` joins the same
   * transaction (a referral recording the consent it asked for).
   */
  async setEligibility(staff: StaffIdentity, studentId: string, change: EligibilityChange, also?: AlsoInTransaction) {
    const student = await this.ownStudent(staff, studentId);
    const method = change.method === undefined ? {} : { method: change.method };
    const actions: StaffAuditAction[] = [];
    if (change.parentalConsent !== undefined) actions.push({ kind: 'ParentalConsentChanged', student: student.ref, given: change.parentalConsent, ...method });
    if (change.trainingCompleted !== undefined) actions.push({ kind: 'TrainingChanged', student: student.ref, completed: change.trainingCompleted, ...method });
    const now: Temporal.Instant = this.deps.clock.now();
    const withdrawn = change.parentalConsent === false && student.consented;
    const upcoming = withdrawn ? await this.deps.students.upcomingSessionCount(student.id, now) : 0;
    const audited = this.deps.audit.recording(staff, () => actions);
    await this.deps.students.setEligibility(student.id, change, now, staff.staffId, async (tx) => {
      await audited(tx);
      await also?.(tx);
      if (withdrawn) {
        await this.deps.notices.raise(
          consentWithdrawnNotice({ schoolId: student.schoolId, studentId: student.id, name: student.ref.name, by: staff.fullName, method: change.method, upcoming }),
          tx,
        );
      }
    });
  }

  /** Writes a checked import (every row valid) and its audit entry, together. */
  async importRows(staff: StaffIdentity, rows: StudentRow[], counts: ImportCounts): Promise<void> {
    await this.deps.imports.upsert(schoolOf(staff), rows, this.deps.clock.now(), this.importAudit(staff, counts));
  }

  /** A checked second file: free periods and subjects of students on record, and its audit entry, together. */
  async importProfiles(staff: StaffIdentity, rows: ProfileRow[], counts: ImportCounts): Promise<void> {
    await this.deps.imports.updateProfiles(schoolOf(staff), rows, this.deps.clock.now(), this.importAudit(staff, counts));
  }

  private importAudit(staff: StaffIdentity, counts: ImportCounts) {
    return this.deps.audit.recording(staff, () => ({
      kind: 'StudentsImported' as const,
      created: counts.created,
      updated: counts.updated,
      ...(counts.freePeriods > 0 ? { freePeriods: counts.freePeriods } : {}),
      ...(counts.subjects > 0 ? { subjects: counts.subjects } : {}),
    }));
  }

  /** The school's own students in full, with what is on record: PIN set or not, consent, training, and who recorded them. */
  listForSchool(schoolId: string, options: { archived?: boolean } = {}): Promise<SchoolStudent[]> {
    return this.deps.students.listForSchool(schoolId, options);
  }

  private async ownStudent(staff: StaffIdentity, studentId: string) {
    const student = await this.deps.students.findNamed(studentId);
    if (!student) throw AppError.notFound('No such student.');
    if (!can(staff, 'students:manage', [student.schoolId])) throw notYours();
    return {
      id: student.id,
      schoolId: student.schoolId,
      consented: student.parentalConsentAt !== null,
      ref: { id: student.id, name: studentLabel(student.firstName, student.lastName) },
    };
  }
}
