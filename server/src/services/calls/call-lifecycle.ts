import type { JoinResult, LeaveReason, NetworkCheckResult, ObserveResult, ObserverInfo, SessionEndReason } from '@peerbridge/shared';
import type { Logger } from 'pino';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { SessionRecord } from '../../infra/db/session-repository.js';
import type { MediaPort } from '../../media/media-port.js';
import type { CallMedia } from '../call-media/call-media.js';
import type { LiveRegistry } from '../live-registry/live-registry.js';
import { LiveSession, type Participant } from '../live-registry/live-session.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { SessionTimeline } from '../session-timeline/session-timeline.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { CallConnection } from './call-connection.js';
import { KeyedQueue } from './keyed-queue.js';
import { RecentDrops } from './recent-drops.js';
import type { Timers } from './timers.js';

export const endMessages: Record<SessionEndReason, string> = {
  time_up: 'This session has finished.',
  media_lost: 'The video connection was lost. Reconnecting…',
  server_shutdown: 'Peerbridge is restarting. Please try again in a minute.',
  replaced: 'You joined this session from another iPad.',
  device_revoked: 'This iPad has been removed from Peerbridge by your school.',
};

/** Leavings that were not the student's choice: coming back is a reconnection. */
const DROP_REASONS: ReadonlySet<LeaveReason> = new Set<LeaveReason>(['disconnected', 'media_lost', 'replaced', 'rejoined']);

/**
 * Who comes into and goes out of each live session, and when a session ends:
 * the room opened for the first arrival and closed after the last student, the
 * end-time timer, the others told, the log written. Every change to one
 * session runs through that session's queue.
 */
export class CallLifecycle {
  private readonly queue = new KeyedQueue();
  private readonly drops: RecentDrops;

  constructor(
    private readonly deps: {
      registry: LiveRegistry;
      media: Pick<MediaPort, 'openRoom' | 'onRoomLost'>;
      callMedia: CallMedia;
      timeline: SessionTimeline;
      sink: RealtimeSink;
      clock: Clock;
      timers: Timers;
      log: Logger;
    },
  ) {
    this.drops = new RecentDrops({ clock: deps.clock, timers: deps.timers });
    deps.media.onRoomLost((roomId) => void this.queue.run(roomId, () => this.endSession(roomId, 'media_lost')));
  }

  /** What is held in memory for calls: nothing once every call is over. */
  held() {
    return {
      liveSessions: this.deps.registry.size,
      connections: this.deps.registry.connections,
      recentDrops: this.drops.size,
      queuedSessions: this.queue.busyKeys,
    };
  }

  enterStudent(
    conn: CallConnection,
    record: SessionRecord,
    studentId: string,
    rtpCapabilities: unknown,
    networkCheck?: NetworkCheckResult,
  ): Promise<JoinResult> {
    return this.queue.run(record.id, () => this.admitStudent(conn, record, studentId, rtpCapabilities, networkCheck));
  }

  enterObserver(conn: CallConnection, record: SessionRecord, staff: StaffIdentity, rtpCapabilities: unknown): Promise<ObserveResult> {
    return this.queue.run(record.id, () => this.admitObserver(conn, record, staff, rtpCapabilities));
  }

  async leave(connectionId: string, reason: LeaveReason): Promise<void> {
    const where = this.deps.registry.sessionOf(connectionId);
    if (!where) return;
    await this.queue.run(where.sessionId, () => this.removeParticipant(where.sessionId, where.participantId, reason, connectionId));
  }

  /** A revoked device leaves every call it is in, told why, and the log says so. */
  async removeDevice(deviceId: string): Promise<void> {
    for (const connectionId of this.deps.registry.onDevice(deviceId)) {
      if (this.deps.registry.find(connectionId)?.participant.deviceId !== deviceId) continue;
      this.deps.sink.send(connectionId, 'session:ended', { reason: 'device_revoked', message: endMessages.device_revoked });
      await this.leave(connectionId, 'device_revoked');
    }
  }

  /** Tells everyone in every call, logs their leaving and closes every room. */
  async endAll(reason: SessionEndReason): Promise<void> {
    await Promise.all(this.deps.registry.sessionIds().map((id) => this.queue.run(id, () => this.endSession(id, reason))));
  }

  private async admitStudent(
    conn: CallConnection,
    record: SessionRecord,
    studentId: string,
    rtpCapabilities: unknown,
    networkCheck: NetworkCheckResult | undefined,
  ): Promise<JoinResult> {
    // The same student on a second device replaces the first (which may close an empty room, so this comes first).
    const previous = this.deps.registry.get(record.id)?.participants.get(studentId);
    if (previous) {
      this.deps.sink.send(previous.connectionId, 'session:ended', { reason: 'replaced', message: endMessages.replaced });
      await this.removeParticipant(record.id, studentId, 'replaced', previous.connectionId);
    }
    const session = await this.liveSession(record);
    const self = record.mentor.id === studentId ? record.mentor : record.mentee;
    const peer = session.room.addPeer(studentId);
    try {
      const [sendTransport, recvTransport] = await Promise.all([peer.createTransport('send'), peer.createTransport('recv')]);
      // The log is written before the student is told they are in.
      const returning = this.drops.takeReturning(record.id, studentId);
      await this.deps.timeline.studentJoined(record.id, { id: studentId, deviceId: conn.deviceId }, returning ? 'reconnected' : 'joined', networkCheck);
      const participant: Participant = {
        kind: 'student',
        id: studentId,
        connectionId: conn.connectionId,
        deviceId: conn.deviceId,
        peer,
        producers: new Map(),
        info: { participantId: studentId, firstName: self.firstName, role: self.role, schoolName: self.schoolName },
      };
      const others = session.others(studentId);
      const { producers, consumers } = await this.deps.callMedia.offer(session, peer, studentId, rtpCapabilities);
      this.deps.registry.register(session, participant);
      for (const other of others) this.deps.sink.send(other.connectionId, 'peer:joined', participant.info);
      this.deps.log.info({ sessionId: record.id, studentId, deviceId: conn.deviceId }, 'SessionJoined');
      return {
        participantId: studentId,
        session: { id: record.id, startsAt: record.startsAt.toString(), endsAt: record.endsAt.toString() },
        routerRtpCapabilities: session.room.rtpCapabilities,
        sendTransport,
        recvTransport,
        iceServers: this.deps.callMedia.iceServersFor(conn.deviceId ?? studentId),
        peers: session.students().filter((p) => p.id !== studentId).map((p) => p.info),
        producers,
        consumers,
        observers: session.observers().map((o) => o.info),
      };
    } catch (error) {
      peer.close();
      if (session.participants.size === 0) this.closeLiveSession(session);
      throw error;
    }
  }

  private async admitObserver(conn: CallConnection, record: SessionRecord, staff: StaffIdentity, rtpCapabilities: unknown): Promise<ObserveResult> {
    const session = this.deps.registry.get(record.id);
    if (!session || session.students().length === 0) {
      throw new AppError('session_not_open', 'Nobody is in this session yet; you can observe once a student has joined.');
    }
    const previous = session.participants.get(staff.staffId);
    if (previous) await this.removeParticipant(record.id, staff.staffId, 'replaced', previous.connectionId);
    const peer = session.room.addPeer(staff.staffId);
    try {
      const recvTransport = await peer.createTransport('recv');
      const info: ObserverInfo = {
        observerId: staff.staffId,
        name: staff.fullName,
        schoolName: staff.schoolName ?? '',
        role: staff.roles.includes('dsl') ? 'dsl' : 'supervisor',
      };
      await this.deps.timeline.observerJoined(record.id, info);
      const others = session.others(staff.staffId);
      const { producers, consumers } = await this.deps.callMedia.offer(session, peer, staff.staffId, rtpCapabilities);
      this.deps.registry.register(session, { kind: 'observer', id: staff.staffId, connectionId: conn.connectionId, deviceId: null, peer, producers: new Map(), info });
      for (const other of others) this.deps.sink.send(other.connectionId, 'observer:joined', info);
      this.deps.log.info({ sessionId: record.id, staffId: staff.staffId }, 'ObserverJoined');
      return {
        session: { id: record.id, startsAt: record.startsAt.toString(), endsAt: record.endsAt.toString() },
        routerRtpCapabilities: session.room.rtpCapabilities,
        recvTransport,
        iceServers: this.deps.callMedia.iceServersFor(staff.staffId),
        peers: session.students().map((p) => p.info),
        producers,
        consumers,
        observers: session.observers().map((o) => o.info),
      };
    } catch (error) {
      peer.close();
      throw error;
    }
  }

  private async liveSession(record: SessionRecord): Promise<LiveSession> {
    const existing = this.deps.registry.get(record.id);
    if (existing && !existing.room.closed) return existing;
    const room = await this.deps.media.openRoom(record.id);
    const session = new LiveSession(record, room);
    const msUntilEnd = this.deps.clock.now().until(record.endsAt).total('milliseconds');
    session.endTimer = this.deps.timers.after(msUntilEnd, () => {
      void this.queue.run(record.id, () => this.endSession(record.id, 'time_up'));
    });
    this.deps.registry.add(session);
    return session;
  }

  private async removeParticipant(sessionId: string, participantId: string, reason: LeaveReason, connectionId: string) {
    const session = this.deps.registry.get(sessionId);
    const participant = session?.participants.get(participantId);
    if (!session || !participant || participant.connectionId !== connectionId) return;
    const producerIds = [...participant.producers.keys()];
    participant.peer.close();
    this.deps.registry.unregister(session, participant);
    for (const other of session.others(participantId)) {
      for (const producerId of producerIds) this.deps.sink.send(other.connectionId, 'producer:closed', { producerId });
      if (participant.kind === 'student') this.deps.sink.send(other.connectionId, 'peer:left', { participantId });
      else this.deps.sink.send(other.connectionId, 'observer:left', { observerId: participantId });
    }
    // Observers alone do not keep a call open.
    if (session.students().length === 0) {
      for (const observer of session.observers()) {
        this.deps.sink.send(observer.connectionId, 'session:ended', { reason: 'time_up', message: 'Both students have left.' });
        await this.removeParticipant(sessionId, observer.id, 'students_left', observer.connectionId);
      }
      this.closeLiveSession(session);
    }
    await this.recordLeaving(session, participant, reason);
    // The call is over (everyone may rejoin, but this part of the log is complete): seal its head.
    if (session.students().length === 0) await this.checkpointLog(sessionId);
  }

  private async recordLeaving(session: LiveSession, participant: Participant, reason: LeaveReason) {
    const sessionId = session.record.id;
    if (participant.kind === 'student' && DROP_REASONS.has(reason)) this.drops.note(sessionId, participant.id, session.record.endsAt);
    try {
      if (participant.kind === 'student') await this.deps.timeline.studentLeft(sessionId, participant, reason);
      else await this.deps.timeline.observerLeft(sessionId, participant, reason);
    } catch (err) {
      // They have already gone; losing the record must be loud, not silent.
      this.deps.log.error({ err, sessionId, participantId: participant.id, reason }, 'SessionLeftNotRecorded');
    }
  }

  private async checkpointLog(sessionId: string) {
    try {
      await this.deps.timeline.callClosed(sessionId);
    } catch (err) {
      this.deps.log.error({ err, sessionId }, 'LogCheckpointNotRecorded');
    }
  }

  private async endSession(sessionId: string, reason: SessionEndReason): Promise<void> {
    const session = this.deps.registry.get(sessionId);
    if (!session) return;
    for (const participant of [...session.participants.values()]) {
      this.deps.sink.send(participant.connectionId, 'session:ended', { reason, message: endMessages[reason] });
      await this.removeParticipant(sessionId, participant.id, reason, participant.connectionId);
    }
    this.closeLiveSession(session);
    if (reason === 'time_up') {
      // Nobody can join a session after its end time: nothing about its drops is worth keeping.
      this.drops.forgetSession(sessionId);
      await this.deps.timeline.sessionEnded(sessionId, reason).catch((err: unknown) => this.deps.log.error({ err, sessionId }, 'SessionEndedNotRecorded'));
    }
  }

  private closeLiveSession(session: LiveSession): void {
    session.endTimer?.cancel();
    this.deps.registry.remove(session);
    if (!session.room.closed) session.room.close();
  }
}
