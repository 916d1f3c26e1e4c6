import type { ClientPayload } from '@peerbridge/shared';
import type { Temporal } from 'temporal-polyfill';
import { can } from '../../domain/access/policy.js';
import { decideJoin, sessionStatus, type JoinDecision } from '../../domain/sessions/join-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { SessionRecord, SessionRepository } from '../../infra/db/session-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { ConsentNotices } from './consent-notices.js';
import type { JoinTokens } from './join-tokens.js';
import { joinRefusalError } from './join-refusals.js';

type Refused = Extract<JoinDecision, { allowed: false }>;

/**
 * Who may come into a session, and the words for who may not: the join rules,
 * the join token, the refusal a child reads and the notice their coordinator
 * gets when consent or training is missing. Student sign-in asks the same
 * questions before it issues a token; the call asks them again at the join.
 */
export class Admission {
  constructor(
    private readonly deps: {
      sessions: Pick<SessionRepository, 'findById'>;
      joinTokens: Pick<JoinTokens, 'verify'>;
      notices: Pick<ConsentNotices, 'consentMissing'>;
      clock: Clock;
    },
  ) {}

  /** The session, if there is one by that id; else the words a child reads. */
  async session(sessionId: string): Promise<SessionRecord> {
    const record = await this.deps.sessions.findById(sessionId);
    if (!record) throw AppError.notFound('We could not find that session. Go back and pick it again.');
    return record;
  }

  decide(session: SessionRecord, studentId: string, deviceSchoolId: string, now: Temporal.Instant = this.deps.clock.now()): JoinDecision {
    return decideJoin({ session, studentId, deviceSchoolId, now });
  }

  /** The refusal to throw; missing consent or training is also told to each child's coordinator. */
  async refusal(session: SessionRecord, decision: Refused, schoolTimeZone: string): Promise<AppError> {
    if (decision.reason === 'consent_missing') await this.deps.notices.consentMissing(session, decision.missing);
    return joinRefusalError(decision, schoolTimeZone);
  }

  /** Only the student this iPad signed in for this session may ask about it (pre-join's "Priya is here"). */
  async verifyJoinToken(input: { sessionId: string; studentId: string; joinToken: string }, deviceId: string): Promise<void> {
    await this.deps.joinTokens.verify(input.joinToken, { studentId: input.studentId, sessionId: input.sessionId, deviceId });
  }

  /** A student joining the call from a school iPad: their sign-in's token, then the join rules, now. */
  async admitStudent(input: ClientPayload<'session:join'>, device: { deviceId: string; schoolId: string }): Promise<SessionRecord> {
    await this.deps.joinTokens.verify(input.joinToken, { studentId: input.studentId, sessionId: input.sessionId, deviceId: device.deviceId });
    const record = await this.session(input.sessionId);
    const decision = this.decide(record, input.studentId, device.schoolId);
    if (!decision.allowed) {
      // In the local time of the child's own school (the one whose iPad this is).
      const zone = [record.mentor, record.mentee].find((s) => s.schoolId === device.schoolId)?.schoolTimeZone;
      throw await this.refusal(record, decision, zone ?? record.mentor.schoolTimeZone);
    }
    return record;
  }

  /** A DSL or supervisor of either school may watch a session that is happening now. */
  async admitObserver(staff: StaffIdentity, sessionId: string): Promise<SessionRecord> {
    const record = await this.deps.sessions.findById(sessionId);
    if (!record) throw AppError.notFound('No such session.');
    if (!can(staff, 'sessions:observe', [record.mentor.schoolId, record.mentee.schoolId])) {
      throw new AppError('forbidden', 'Your account cannot observe this session.');
    }
    if (sessionStatus(record, this.deps.clock.now()) !== 'open') {
      throw new AppError('session_not_open', 'This session is not happening now.');
    }
    return record;
  }
}
