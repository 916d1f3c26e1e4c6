import type { Temporal } from 'temporal-polyfill';
import type { SchoolStudent, StaffAuditAction } from '@peerbridge/shared';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { can } from '../../domain/access/policy.js';
import { studentLabel } from '../../domain/audit/staff-audit.js';
import type { StudentRow } from '../../domain/import/student-rows.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { StudentImportRepository } from '../../infra/db/student-import-repository.js';
import type { StudentRepository } from '../../infra/db/student-repository.js';
import { hashSecret } from '../staff/passwords.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { schoolOf } from '../staff/staff-school.js';

/** A coordinator's changes to their own school's student records: PINs, consent, training, imports. Each is audited. */
export class StudentRecords {
  constructor(
    private readonly deps: {
      students: Pick<StudentRepository, 'findNamed' | 'setPin' | 'setEligibility' | 'listForSchool'>;
      imports: Pick<StudentImportRepository, 'upsert'>;
      audit: Pick<StaffAuditTrail, 'recording'>;
      clock: Clock;
    },
  ) {}

  async setPin(staff: StaffIdentity, studentId: string, pin: string): Promise<void> {
    const student = await this.ownStudent(staff, studentId);
    const hash = await hashSecret(pin);
    await this.deps.students.setPin(student.id, hash, this.deps.audit.recording(staff, () => ({ kind: 'PinReset', student: student.ref })));
  }

  async setEligibility(staff: StaffIdentity, studentId: string, change: { parentalConsent?: boolean | undefined; trainingCompleted?: boolean | undefined }) {
    const student = await this.ownStudent(staff, studentId);
    const actions: StaffAuditAction[] = [];
    if (change.parentalConsent !== undefined) actions.push({ kind: 'ParentalConsentChanged', student: student.ref, given: change.parentalConsent });
    if (change.trainingCompleted !== undefined) actions.push({ kind: 'TrainingChanged', student: student.ref, completed: change.trainingCompleted });
    const now: Temporal.Instant = this.deps.clock.now();
    await this.deps.students.setEligibility(student.id, change, now, this.deps.audit.recording(staff, () => actions));
  }

  /** Writes a checked import (every row valid) and its audit entry, together. */
  async importRows(staff: StaffIdentity, rows: StudentRow[], counts: { created: number; updated: number }): Promise<void> {
    await this.deps.imports.upsert(
      schoolOf(staff),
      rows,
      this.deps.audit.recording(staff, () => ({ kind: 'StudentsImported', created: counts.created, updated: counts.updated })),
    );
  }

  /** The school's own students in full, with what is on record: PIN set or not, consent, training. */
  listForSchool(schoolId: string): Promise<SchoolStudent[]> {
    return this.deps.students.listForSchool(schoolId);
  }

  private async ownStudent(staff: StaffIdentity, studentId: string) {
    const student = await this.deps.students.findNamed(studentId);
    if (!student) throw AppError.notFound('No such student.');
    if (!can(staff, 'students:manage', [student.schoolId])) throw new AppError('forbidden', 'Your account does not have access to that.');
    return { id: student.id, ref: { id: student.id, name: studentLabel(student.firstName, student.lastName) } };
  }
}
