import type { ChronologyEntry, RecordView, SessionEventType } from '@peerbridge/shared';
import { mergeChronology, sessionChronology } from '../../domain/chronology/session-chronology.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';
import type { SessionRepository } from '../../infra/db/session-repository.js';
import type { StudentRepository } from '../../infra/db/student-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { ConcernService } from './concern-service.js';

/** The log entries a chronology reads: who joined, how it ended, and the chat flags. */
const CHRONOLOGY_LOG_TYPES: SessionEventType[] = ['SessionJoined', 'SessionEnded', 'ChatMessageBlocked', 'ChatMessageSent'];

/**
 * A child's chronology, asked for by the child's id alone: the child's school
 * is looked up here, so the concern service can check the asker against it
 * (and record the read) before anything else is read. Concerns, sessions and
 * the flags in those sessions' logs, in a fixed number of queries however
 * many sessions the child had.
 */
export class Chronologies {
  constructor(
    private readonly deps: {
      students: Pick<StudentRepository, 'findSchoolOf'>;
      concerns: Pick<ConcernService, 'chronology' | 'chronologyViews'>;
      sessions: Pick<SessionRepository, 'listForStudent'>;
      events: Pick<SessionEventRepository, 'listOfTypes'>;
      clock: Clock;
    },
  ) {}

  async read(staff: StaffIdentity, studentId: string): Promise<ChronologyEntry[]> {
    const concerns = await this.deps.concerns.chronology(staff, studentId, await this.schoolOf(studentId));
    const sessions = await this.deps.sessions.listForStudent(studentId);
    const log = await this.deps.events.listOfTypes(
      sessions.filter((s) => !s.cancelled).map((s) => s.id),
      CHRONOLOGY_LOG_TYPES,
    );
    return mergeChronology(concerns, sessionChronology(sessions, log, studentId, this.deps.clock.now()));
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
