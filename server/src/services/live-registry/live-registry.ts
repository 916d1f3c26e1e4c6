import { AppError } from '../../errors.js';
import type { LiveSession, Participant } from './live-session.js';
import type { LiveSessionSummary, LiveSessionsView } from './live-sessions-view.js';

/**
 * Every session happening now on this node, and which connection is which
 * participant in which of them. The call keeps it (under each session's
 * queue); chat and concerns read it through `LiveSessionsView`.
 */
export class LiveRegistry implements LiveSessionsView {
  private readonly live = new Map<string, LiveSession>();
  private readonly byConnection = new Map<string, { sessionId: string; participantId: string }>();

  get size(): number {
    return this.live.size;
  }

  /** Connections registered in a call (the registry keeps nothing once they have left). */
  get connections(): number {
    return this.byConnection.size;
  }

  get(sessionId: string): LiveSession | undefined {
    return this.live.get(sessionId);
  }

  sessionIds(): string[] {
    return [...this.live.keys()];
  }

  add(session: LiveSession): void {
    this.live.set(session.record.id, session);
  }

  /** Forgets a session, unless another has already taken its place. */
  remove(session: LiveSession): void {
    if (this.live.get(session.record.id) === session) this.live.delete(session.record.id);
  }

  register(session: LiveSession, participant: Participant): void {
    session.participants.set(participant.id, participant);
    this.byConnection.set(participant.connectionId, { sessionId: session.record.id, participantId: participant.id });
  }

  unregister(session: LiveSession, participant: Participant): void {
    session.participants.delete(participant.id);
    this.byConnection.delete(participant.connectionId);
  }

  /** Where a connection is, if it is in a call. */
  find(connectionId: string): { session: LiveSession; participant: Participant } | undefined {
    const where = this.byConnection.get(connectionId);
    const session = where && this.live.get(where.sessionId);
    const participant = where && session?.participants.get(where.participantId);
    return session && participant ? { session, participant } : undefined;
  }

  /** The session id a connection's participant is in, even while its session is being torn down. */
  sessionOf(connectionId: string): { sessionId: string; participantId: string } | undefined {
    return this.byConnection.get(connectionId);
  }

  /** Every connection whose participant is on a device. */
  onDevice(deviceId: string): string[] {
    return [...this.byConnection]
      .filter(([, where]) => this.live.get(where.sessionId)?.participants.get(where.participantId)?.deviceId === deviceId)
      .map(([connectionId]) => connectionId);
  }

  whereIs(connectionId: string): { session: LiveSession; participant: Participant } {
    const found = this.find(connectionId);
    if (!found) throw AppError.notJoined();
    return found;
  }

  liveSessionsFor(schoolId: string): LiveSessionSummary[] {
    return [...this.live.values()]
      .filter((s) => s.schoolIds().includes(schoolId) && s.students().length > 0)
      .map((s) => ({ sessionId: s.record.id, students: s.students().length, observers: s.observers().length }));
  }
}
