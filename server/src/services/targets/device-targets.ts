import type { DeviceStudentRequest, MyTargetsResponse, SessionNoteRequest, SessionNoteResponse } from '@peerbridge/shared';
import { Temporal } from 'temporal-polyfill';
import type { Logger } from 'pino';
import { DEFAULT_SAFEGUARDING_KEYWORDS } from '../../domain/safeguarding/default-keywords.js';
import { moderateChatMessage } from '../../domain/safeguarding/chat-filter.js';
import { noteBlockedWords } from '../../domain/targets/note-words.js';
import { dateAt } from '../../domain/targets/target-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { SessionRecord, SessionRepository } from '../../infra/db/session-repository.js';
import type { TargetsRepository } from '../../infra/db/targets-repository.js';
import type { JoinTokens } from '../admission/join-tokens.js';
import type { DeviceIdentity } from '../devices/device-tokens.js';
import { alertChildren } from '../notifications/alert-children.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import { callTargetView, inCallOrder } from './target-views.js';

/** A mentor may write their note until this long after the session's end (the call-ended screen). */
export const NOTE_AFTER_END_SECONDS = 30 * 60;

/**
 * What a student sees of the programme on the iPad after their PIN (their targets, a mentor's mentees'
 * targets, the next session), and the mentor's note after a call. The join token from the PIN says who asks.
 */
export class DeviceTargets {
  constructor(
    private readonly deps: {
      targets: Pick<TargetsRepository, 'pairingsOfStudent' | 'targetsOf' | 'nextSessions' | 'addNote'>;
      sessions: Pick<SessionRepository, 'findById'>;
      joinTokens: Pick<JoinTokens, 'verify'>;
      sink: RealtimeSink;
      clock: Clock;
      log: Logger;
    },
  ) {}

  async myTargets(device: DeviceIdentity, input: DeviceStudentRequest): Promise<MyTargetsResponse> {
    await this.deps.joinTokens.verify(input.joinToken, { studentId: input.studentId, sessionId: input.sessionId, deviceId: device.deviceId });
    const pairings = await this.deps.targets.pairingsOfStudent(input.studentId);
    const ids = pairings.map((p) => p.id);
    const now = this.deps.clock.now();
    const [targets, next] = await Promise.all([this.deps.targets.targetsOf(ids), this.deps.targets.nextSessions(ids, new Date(now.epochMilliseconds))]);
    const isMentor = pairings.some((p) => p.mentor.id === input.studentId);
    return {
      role: isMentor ? 'mentor' : 'mentee',
      pairings: pairings.map((p) => {
        const partner = p.mentor.id === input.studentId ? p.mentee : p.mentor;
        const day = dateAt(now, p.mentee.schoolTimeZone);
        const own = targets.filter((t) => t.pairingId === p.id);
        const nextAt = next.get(p.id);
        return {
          partner: { firstName: partner.firstName, schoolName: partner.schoolName, yearGroup: partner.yearGroup },
          ...(nextAt ? { nextSessionStartsAt: nextAt.toISOString() } : {}),
          targets: inCallOrder(own, day, (t) => callTargetView(t, day)),
        };
      }),
    };
  }

  /** One note per session, by its mentor, from their own school's iPad, once the session has started. */
  async sessionNote(device: DeviceIdentity, input: SessionNoteRequest): Promise<SessionNoteResponse> {
    const grant = { studentId: input.studentId, sessionId: input.sessionId, deviceId: device.deviceId };
    await this.deps.joinTokens.verify(input.joinToken, grant, { afterEndSeconds: NOTE_AFTER_END_SECONDS });
    const record = await this.deps.sessions.findById(input.sessionId);
    if (!record) throw AppError.notFound('No such session.');
    if (record.mentor.id !== input.studentId || record.mentor.schoolId !== device.school.id) {
      throw new AppError('forbidden', 'Only the mentor writes a note after the session.');
    }
    const now = this.deps.clock.now();
    if (Temporal.Instant.compare(now, record.startsAt) < 0) throw new AppError('session_not_open', 'A note is written after the session.');
    const verdict = moderateChatMessage(input.text, record.chatKeywords ?? DEFAULT_SAFEGUARDING_KEYWORDS);
    if (verdict.action === 'block') return { saved: false, explanation: noteBlockedWords(verdict.contactKinds) };
    const saved = await this.deps.targets.addNote({
      occurrenceId: record.id,
      mentorId: record.mentor.id,
      text: input.text,
      flaggedKeywords: verdict.matchedKeywords,
      at: new Date(now.epochMilliseconds),
    });
    if (!saved) throw new AppError('conflict', 'You have already written a note for this session.');
    if (verdict.action === 'deliver_and_flag') this.alert(record, verdict.matchedKeywords, now.toString());
    return { saved: true };
  }

  private alert(record: SessionRecord, keywords: string[], at: string): void {
    this.deps.log.warn({ sessionId: record.id, keywords }, 'SessionNoteFlagged');
    const { child, partner } = alertChildren(record, record.mentor.id);
    for (const schoolId of [record.mentor.schoolId, record.mentee.schoolId]) {
      this.deps.sink.toSchoolDsls(schoolId, 'safeguarding:alert', {
        kind: 'session_note_flagged',
        sessionId: record.id,
        summary: `A session note from ${child.firstName} matched the safeguarding list (${keywords.join(', ')}).`,
        at,
        child,
        partner,
        keywords,
      });
    }
  }
}
