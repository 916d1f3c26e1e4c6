import type { Logger } from 'pino';
import { presenceFromLog } from '../../domain/sessions/presence.js';
import type { Clock } from '../../domain/time/clock.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';
import type { SessionRepository } from '../../infra/db/session-repository.js';
import type { SessionTimeline } from '../session-timeline/session-timeline.js';
import type { CallLifecycle } from './call-lifecycle.js';

/** Far enough back to reach any session a stopped server could have been holding (sessions are lessons long). */
const LOOK_BACK_HOURS = 24;

/**
 * At start-up, before any device can join: a server that stopped without a graceful shutdown (a
 * crash, SIGKILL, power) left students in its calls with no leaving in the log. For each, the log
 * gets a `ParticipantDropped` (reason `server_stopped`) now, so it has no silent gap before their
 * rejoin; that rejoin, and one after a graceful restart, is then logged as a reconnection.
 *
 * Only where this node is the one server (no Redis adapter): with several nodes, a student the log
 * shows in a call may be in one on another node.
 */
export async function recordRestartGap(deps: {
  events: Pick<SessionEventRepository, 'sessionsWithEntriesSince' | 'list'>;
  sessions: Pick<SessionRepository, 'findById'>;
  timeline: Pick<SessionTimeline, 'participantDropped' | 'callClosed'>;
  lifecycle: Pick<CallLifecycle, 'noteDropped'>;
  clock: Clock;
  log: Logger;
}): Promise<{ dropped: number }> {
  const now = deps.clock.now();
  let dropped = 0;
  for (const sessionId of await deps.events.sessionsWithEntriesSince(now.subtract({ hours: LOOK_BACK_HOURS }))) {
    const { stillIn, dropped: earlier } = presenceFromLog(await deps.events.list(sessionId));
    for (const student of stillIn) {
      await deps.timeline.participantDropped(sessionId, { id: student.studentId, deviceId: student.deviceId }, 'server_stopped');
      dropped++;
    }
    if (stillIn.length > 0) await deps.timeline.callClosed(sessionId);
    const record = await deps.sessions.findById(sessionId);
    if (!record || record.endsAt.epochMilliseconds <= now.epochMilliseconds) continue;
    for (const studentId of [...earlier, ...stillIn.map((s) => s.studentId)]) deps.lifecycle.noteDropped(sessionId, studentId, record.endsAt);
  }
  if (dropped > 0) deps.log.warn({ dropped }, 'RestartGapRecorded');
  return { dropped };
}
