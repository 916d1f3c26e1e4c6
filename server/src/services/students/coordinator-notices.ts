import type { CoordinatorNotice } from '@peerbridge/shared';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { NoticeRepository } from '../../infra/db/notice-repository.js';

/** What a coordinator has to sort out at their own school (a session refused for missing consent), and marking it done. */
export class CoordinatorNotices {
  constructor(private readonly deps: { notices: Pick<NoticeRepository, 'openForSchool' | 'resolve'>; clock: Clock }) {}

  async open(schoolId: string): Promise<CoordinatorNotice[]> {
    const rows = await this.deps.notices.openForSchool(schoolId);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      message: r.message,
      occurrenceId: r.occurrenceId,
      studentId: r.studentId,
      studentName: r.studentName,
      studentSurname: r.studentSurname,
      createdAt: r.createdAt,
    }));
  }

  async resolve(schoolId: string, noticeId: string): Promise<void> {
    // Scoped to the asker's school in the query itself: another school's notice is simply not found.
    if (!(await this.deps.notices.resolve(noticeId, schoolId, new Date(this.deps.clock.now().epochMilliseconds)))) {
      throw AppError.notFound('No such open notice at your school.');
    }
  }
}
