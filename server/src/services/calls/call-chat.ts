import type { ClientAckData } from '@peerbridge/shared';
import type { Logger } from 'pino';
import { DEFAULT_SAFEGUARDING_KEYWORDS } from '../../domain/safeguarding/default-keywords.js';
import { alertChildren } from '../notifications/alert-children.js';
import { moderateChatMessage } from '../../domain/safeguarding/chat-filter.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { LiveSessionsView } from '../live-registry/live-sessions-view.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { SessionTimeline } from '../session-timeline/session-timeline.js';
import type { SessionRecord } from '../../infra/db/session-repository.js';

/**
 * Moderated chat inside a call. Contact details never reach the other child;
 * the sender is told why, kindly, and the attempt is on the record. Words on
 * the partnership's keyword list are delivered but reach both schools' DSLs.
 */
export class CallChat {
  constructor(
    private readonly deps: {
      live: Pick<LiveSessionsView, 'whereIs'>;
      timeline: Pick<SessionTimeline, 'chatMessageSent' | 'chatMessageBlocked'>;
      sink: RealtimeSink;
      clock: Clock;
      log: Logger;
    },
  ) {}

  async send(connectionId: string, text: string): Promise<ClientAckData['chat:send']> {
    const { session, participant } = this.deps.live.whereIs(connectionId);
    if (participant.kind !== 'student') throw new AppError('forbidden', 'Observers watch; they do not chat.');
    const record = session.record;
    const verdict = moderateChatMessage(text, record.chatKeywords ?? DEFAULT_SAFEGUARDING_KEYWORDS);
    const at = this.deps.clock.now();

    if (verdict.action === 'block') {
      await this.deps.timeline.chatMessageBlocked(record.id, participant, {
        text,
        at,
        contactKinds: verdict.contactKinds,
        flaggedKeywords: verdict.matchedKeywords,
      });
      if (verdict.matchedKeywords.length > 0) this.alert(record, participant.id, verdict.matchedKeywords, at.toString());
      return { delivered: false, explanation: verdict.explanation ?? "That message wasn't sent." };
    }

    // On the record before anyone sees it.
    await this.deps.timeline.chatMessageSent(record.id, participant, { text, at, flaggedKeywords: verdict.matchedKeywords });
    const message = { fromParticipantId: participant.id, firstName: participant.info.firstName, text, at: at.toString() };
    for (const other of session.others(participant.id)) this.deps.sink.send(other.connectionId, 'chat:message', message);
    if (verdict.action === 'deliver_and_flag') {
      this.alert(record, participant.id, verdict.matchedKeywords, at.toString());
    }
    return { delivered: true };
  }

  private alert(record: SessionRecord, studentId: string, keywords: string[], at: string): void {
    this.deps.log.warn({ sessionId: record.id, keywords }, 'ChatFlagged');
    const { child, partner } = alertChildren(record, studentId);
    for (const schoolId of [record.mentor.schoolId, record.mentee.schoolId]) {
      this.deps.sink.toSchoolDsls(schoolId, 'safeguarding:alert', {
        kind: 'chat_flagged',
        sessionId: record.id,
        summary: `A chat message from ${child.firstName} matched the safeguarding list (${keywords.join(', ')}).`,
        at,
        child,
        partner,
        live: true,
        keywords,
      });
    }
  }

}
