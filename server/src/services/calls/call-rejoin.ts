import type { RejoinOfferResponse, RejoinRequest, StudentSignInResponse } from '@peerbridge/shared';
import { joinOpensAt } from '../../domain/sessions/join-rules.js';
import type { RejoinDecision, RejoinRefusal } from '../../domain/sessions/rejoin-grant.js';
import { AppError } from '../../errors.js';
import type { SessionRecord } from '../../infra/db/session-repository.js';
import type { Admission } from '../admission/admission.js';
import type { JoinTokens } from '../admission/join-tokens.js';
import type { DeviceIdentity } from '../devices/device-tokens.js';
import type { RejoinGrants } from './rejoin-grants.js';

/** What the child reads when the offer has gone: always the same way forward, their PIN. */
const refusals: Record<RejoinRefusal, string> = {
  unknown: 'This iPad can’t rejoin that call any more. Tap your name and type your PIN.',
  used: 'This iPad has already rejoined that call. Tap your name and type your PIN.',
  revoked: 'You left that call. Tap your name and type your PIN to join again.',
  other_device: 'This iPad can’t rejoin that call. Tap your name and type your PIN.',
  other_session: 'This iPad can’t rejoin that call. Tap your name and type your PIN.',
  window_over: 'It’s been too long to rejoin without your PIN. Tap your name and type your PIN.',
  session_over: 'This session has finished.',
};

/**
 * After a reload (or Safari reloading the tab) the device page may bring the same child back into the
 * same call on the same iPad without the PIN, for a few minutes after an unexpected drop: it exchanges
 * the rejoin grant the join gave (once) for a join token, and the reconnect path does the rest. The
 * session must still admit the student from this iPad's school, as at sign-in.
 */
export class CallRejoin {
  constructor(
    private readonly deps: {
      grants: Pick<RejoinGrants, 'check' | 'redeem'>;
      admission: Pick<Admission, 'session' | 'decide' | 'refusal'>;
      joinTokens: Pick<JoinTokens, 'issue'>;
    },
  ) {}

  /** Whether to offer "Rejoin your call with Priya", and until when; takes nothing. */
  async offer(device: DeviceIdentity, input: RejoinRequest): Promise<RejoinOfferResponse> {
    const session = await this.admitted(device, input);
    const decision = this.deps.grants.check(input.rejoinGrant, { ...input, deviceId: device.deviceId });
    const until = allowedUntil(decision);
    const partner = session.mentor.id === input.studentId ? session.mentee : session.mentor;
    return { partnerFirstName: partner.firstName, until: until.toString() };
  }

  /** Takes the grant (it cannot be used twice) and answers as the PIN sign-in does: a join token for this session on this iPad. */
  async rejoin(device: DeviceIdentity, input: RejoinRequest): Promise<StudentSignInResponse> {
    const session = await this.admitted(device, input);
    allowedUntil(this.deps.grants.redeem(input.rejoinGrant, { ...input, deviceId: device.deviceId }));
    const joinToken = await this.deps.joinTokens.issue(
      { studentId: input.studentId, sessionId: session.id, deviceId: device.deviceId },
      { opensAt: joinOpensAt(session.startsAt), endsAt: session.endsAt },
    );
    return { joinToken, expiresAt: session.endsAt.toString() };
  }

  private async admitted(device: DeviceIdentity, input: RejoinRequest): Promise<SessionRecord> {
    const session = await this.deps.admission.session(input.sessionId);
    const decision = this.deps.admission.decide(session, input.studentId, device.school.id);
    if (!decision.allowed) throw await this.deps.admission.refusal(session, decision, device.school.timeZone);
    return session;
  }
}

function allowedUntil(decision: RejoinDecision) {
  if (decision.allowed) return decision.until;
  throw new AppError('forbidden', refusals[decision.reason], { reason: decision.reason });
}
