import type { ChronologyEntry, RecordView } from '@peerbridge/shared';
import { AppError } from '../../errors.js';
import type { StudentRepository } from '../../infra/db/student-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { ConcernService } from './concern-service.js';

/**
 * A child's chronology, asked for by the child's id alone: the child's school
 * is looked up here, so the concern service can check the asker against it.
 */
export class Chronologies {
  constructor(
    private readonly deps: {
      students: Pick<StudentRepository, 'findSchoolOf'>;
      concerns: Pick<ConcernService, 'chronology' | 'chronologyViews'>;
    },
  ) {}

  async read(staff: StaffIdentity, studentId: string): Promise<ChronologyEntry[]> {
    return this.deps.concerns.chronology(staff, studentId, await this.schoolOf(studentId));
  }

  async views(staff: StaffIdentity, studentId: string): Promise<RecordView[]> {
    return this.deps.concerns.chronologyViews(staff, studentId, await this.schoolOf(studentId));
  }

  private async schoolOf(studentId: string): Promise<string> {
    const schoolId = await this.deps.students.findSchoolOf(studentId);
    if (!schoolId) throw AppError.notFound('No such student.');
    return schoolId;
  }
}
