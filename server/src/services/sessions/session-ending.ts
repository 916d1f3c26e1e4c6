import type { EndSessionRequest, ObserverInfo, StaffEndReason } from '@peerbridge/shared';
import { staffEndReasonWords } from '@peerbridge/shared';
import { decideStaffEnd } from '../../domain/sessions/staff-end-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { localClockTime } from '../../domain/time/school-day.js';
import { AppError } from '../../errors.js';
import type { NoticeRepository } from '../../infra/db/notice-repository.js';
import type { SessionRecord, SessionRepository } from '../../infra/db/session-repository.js';
import { KeyedQueue } from '../calls/keyed-queue.js';
import type { SessionTimeline } from '../session-timeline/session-timeline.js';
import type { StaffIdentity } from '../staff/staff-auth.js';

const roleWords: Record<ObserverInfo['role'], string> = { dsl: 'safeguarding lead', supervisor: 'supervisor' };

/**
 * An observer ends a session early, for everyone: the decision (who, when, once), the log entry
 * (before anyone is told, and what refuses every later join), the call closed, and a notice to the
 * coordinator of each of the two schools.
 */
export class SessionEnding {
  /** Two staff pressing End at once: one ends it, the other is told it already has been. */
  private readonly queue = new KeyedQueue();

  constructor(
    private readonly deps: {
      sessions: Pick<SessionRepository, 'findById'>;
      timeline: Pick<SessionTimeline, 'sessionEndedByStaff'>;
      notices: Pick<NoticeRepository, 'raise'>;
      endCall: (sessionId: string) => Promise<void>;
      clock: Clock;
    },
  ) {}

  end(staff: StaffIdentity, sessionId: string, why: EndSessionRequest): Promise<{ endedAt: string }> {
    return this.queue.run(sessionId, () => this.endOnce(staff, sessionId, why));
  }

  private async endOnce(staff: StaffIdentity, sessionId: string, why: EndSessionRequest): Promise<{ endedAt: string }> {
    const record = await this.deps.sessions.findById(sessionId);
    if (!record) throw AppError.notFound('No such session.');
    const decision = decideStaffEnd({ staff, session: record, now: this.deps.clock.now() });
    if (!decision.allowed) {
      if (decision.reason === 'forbidden') throw new AppError('forbidden', 'Your account cannot end this session.');
      if (decision.reason === 'already_ended') throw new AppError('conflict', 'This session has already been ended by a member of staff.');
      throw new AppError('session_not_open', 'This session is not happening now, so there is nothing to end.');
    }
    const by: ObserverInfo = {
      observerId: staff.staffId,
      name: staff.fullName,
      schoolName: staff.schoolName ?? '',
      role: staff.roles.includes('dsl') ? 'dsl' : 'supervisor',
    };
    const endedAt = await this.deps.timeline.sessionEndedByStaff(sessionId, by, { reason: why.reason, note: why.note });
    await this.deps.endCall(sessionId);
    await this.tellCoordinators(record, by, why.reason);
    return { endedAt: endedAt.toString() };
  }

  /** Each school's coordinator hears about their own student's session, in their own school's time. */
  private async tellCoordinators(record: SessionRecord, by: ObserverInfo, reason: StaffEndReason): Promise<void> {
    for (const [child, partner] of [
      [record.mentor, record.mentee],
      [record.mentee, record.mentor],
    ] as const) {
      const time = localClockTime(record.startsAt, child.schoolTimeZone);
      await this.deps.notices.raise({
        schoolId: child.schoolId,
        occurrenceId: record.id,
        studentId: child.id,
        kind: 'session_ended_by_staff',
        message:
          `${by.name} (${roleWords[by.role]}, ${by.schoolName}) ended ${child.firstName}'s ${time} session with ${partner.firstName} ` +
          `(${partner.schoolName}) early. Reason: ${staffEndReasonWords[reason]}. Please talk to ${child.firstName} about what happens next.`,
      });
    }
  }
}
