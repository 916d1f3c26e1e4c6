import type { ChainVerificationResponse, RecordView, SessionLogEntry } from '@peerbridge/shared';
import { can, type StaffAction } from '../../domain/access/policy.js';
import type { SignedEntry } from '../../domain/audit/signed-log.js';
import type { EvidenceFile } from '../../domain/audit/evidence-file.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { RecordViewRepository } from '../../infra/db/record-view-repository.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';
import type { SessionRecord, SessionRepository } from '../../infra/db/session-repository.js';
import type { SecondFactor } from '../staff/second-factor.js';
import type { StaffIdentity, StaffSession } from '../staff/staff-auth.js';
import type { SessionLogEvidence } from './session-log-evidence.js';

/** A log entry as a safeguarding lead reads it: the chain's content and hash, not its signature fields. */
export function toSessionLogEntry(entry: SignedEntry): SessionLogEntry {
  return {
    seq: entry.seq,
    type: entry.type,
    at: entry.at,
    actor: entry.actor,
    deviceId: entry.deviceId,
    detail: entry.detail,
    hash: entry.hash,
  };
}

/**
 * Safeguarding leads read and verify the logs of sessions that involve their
 * school's students. Every read is on the record before anything is shown.
 */
export class SessionLogReader {
  constructor(
    private readonly deps: {
      sessions: Pick<SessionRepository, 'findById'>;
      events: Pick<SessionEventRepository, 'list' | 'verify'>;
      views: Pick<RecordViewRepository, 'record' | 'viewsOf'>;
      evidence: Pick<SessionLogEvidence, 'export'>;
      secondFactor: Pick<SecondFactor, 'assertSteppedUp'>;
      clock: Clock;
    },
  ) {}

  async log(staff: StaffIdentity, sessionId: string): Promise<SessionLogEntry[]> {
    const session = await this.sessionFor(staff, sessionId, 'session-log:read');
    await this.deps.views.record(staff.staffId, 'session_log', session.id, this.deps.clock.now());
    return (await this.deps.events.list(session.id)).map(toSessionLogEntry);
  }

  async verify(staff: StaffIdentity, sessionId: string): Promise<ChainVerificationResponse> {
    const session = await this.sessionFor(staff, sessionId, 'session-log:verify');
    await this.deps.views.record(staff.staffId, 'session_log', session.id, this.deps.clock.now(), 'verified');
    return this.deps.events.verify(session.id);
  }

  /** The whole log, signed, as a file that verifies offline (npm run verify-evidence). */
  async evidence(signedIn: StaffSession, sessionId: string): Promise<EvidenceFile> {
    const session = await this.sessionFor(signedIn.staff, sessionId, 'session-log:read');
    // An evidence file is a safeguarding record like a concern: it needs the DSL's step-up when that is required.
    await this.deps.secondFactor.assertSteppedUp(signedIn);
    return this.deps.evidence.export(signedIn.staff, session);
  }

  async views(staff: StaffIdentity, sessionId: string): Promise<RecordView[]> {
    const session = await this.sessionFor(staff, sessionId, 'session-log:read');
    return this.deps.views.viewsOf('session_log', session.id);
  }

  /** The session, once it is known to exist and to involve one of the asker's schools' students. */
  private async sessionFor(staff: StaffIdentity, id: string, action: StaffAction): Promise<SessionRecord> {
    const session = await this.deps.sessions.findById(id);
    if (!session) throw AppError.notFound('No such session.');
    if (!can(staff, action, [session.mentor.schoolId, session.mentee.schoolId])) {
      throw new AppError('forbidden', 'Your account does not have access to that.');
    }
    return session;
  }
}
