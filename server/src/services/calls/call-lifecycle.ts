import type { JoinResult, LeaveReason, NetworkCheckResult, ObserveResult, ObserverInfo, SessionEndReason } from '@peerbridge/shared';
import type { Logger } from 'pino';
import type { Temporal } from 'temporal-polyfill';
import { RECONNECT_GRACE_MS } from '../../domain/sessions/presence.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { SessionRecord } from '../../infra/db/session-repository.js';
import type { MediaPeer, MediaPort } from '../../media/media-port.js';
import type { AudioFirstGuard } from '../call-media/audio-first-guard.js';
import type { CallMedia } from '../call-media/call-media.js';
import type { LiveRegistry } from '../live-registry/live-registry.js';
import { LiveSession, type Participant, type StudentParticipant } from '../live-registry/live-session.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { SessionTimeline } from '../session-timeline/session-timeline.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { CallConnection } from './call-connection.js';
import { KeyedQueue } from './keyed-queue.js';
import { RecentDrops } from './recent-drops.js';
import type { RejoinGrants } from './rejoin-grants.js';
import type { Timers } from './timers.js';
import { bothSettled } from './both-settled.js';
import { DROP_REASONS, endMessages, OBSERVERS_TOLD_STAFF_ENDED, REVOKES_REJOIN } from './leaving-rules.js';

/**
 * Who comes into and goes out of each live session, and when a session ends: the room opened for
 * the first arrival and closed after the last student, the end-time timer, the others told, the
 * log written. Every change to one session runs through that session's queue.
 */
export class CallLifecycle {
  private readonly queue = new KeyedQueue();
  private readonly drops: RecentDrops;

  constructor(
    private readonly deps: {
      registry: LiveRegistry;
      media: Pick<MediaPort, 'openRoom' | 'onRoomLost'>;
      callMedia: CallMedia;
      audioFirst: Pick<AudioFirstGuard, 'watch' | 'forget' | 'size'>;
      timeline: SessionTimeline;
      rejoinGrants: RejoinGrants;
      sink: RealtimeSink;
      clock: Clock;
      timers: Timers;
      log: Logger;
      /** How long a lost student's place is kept (RECONNECT_GRACE_MS unless a test says otherwise). */
      graceMs?: number;
    },
  ) {
    this.drops = new RecentDrops({ clock: deps.clock, timers: deps.timers });
    deps.media.onRoomLost((roomId) => this.queue.runDetached(roomId, () => this.endSession(roomId, 'media_lost'), (err) => deps.log.error({ err, sessionId: roomId }, 'RoomLostNotEnded')));
  }

  /** What is held in memory for calls: nothing once every call is over. */
  held() {
    return {
      liveSessions: this.deps.registry.size,
      connections: this.deps.registry.connections,
      recentDrops: this.drops.size,
      bandwidthWatches: this.deps.audioFirst.size,
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

  /**
   * A connection went away without leaving. A student's place is kept for the grace period (their
   * partner told they are reconnecting, the log says so); an observer simply leaves.
   */
  async connectionLost(connectionId: string): Promise<void> {
    const where = this.deps.registry.sessionOf(connectionId);
    if (!where) return;
    await this.queue.run(where.sessionId, () => this.holdPlace(where.sessionId, where.participantId, connectionId));
  }

  /** The same connection is back (socket.io recovered it within the grace period). */
  async connectionRecovered(connectionId: string): Promise<void> {
    const where = this.deps.registry.sessionOf(connectionId);
    if (!where) return;
    await this.queue.run(where.sessionId, async () => {
      const participant = this.deps.registry.get(where.sessionId)?.participants.get(where.participantId);
      if (participant?.kind !== 'student' || participant.connectionId !== connectionId || !participant.lost) return;
      await this.welcomeBack(where.sessionId, participant, 'same_connection');
    });
  }

  /** After a restart: this student's last leaving (logged before the stop) was not their choice. */
  noteDropped(sessionId: string, studentId: string, sessionEndsAt: Temporal.Instant): void {
    this.drops.note(sessionId, studentId, sessionEndsAt);
  }

  /** A revoked device leaves every call it is in, told why, and the log says so. */
  async removeDevice(deviceId: string): Promise<void> {
    for (const connectionId of this.deps.registry.onDevice(deviceId)) {
      if (this.deps.registry.find(connectionId)?.participant.deviceId !== deviceId) continue;
      this.deps.sink.send(connectionId, 'session:ended', { reason: 'device_revoked', message: endMessages.device_revoked });
      await this.leave(connectionId, 'device_revoked');
    }
  }

  /**
   * A DSL or supervisor ended the session (the log already says so): everyone in it is told,
   * their media closed and their leaving logged. Nobody is kept a place to come back to.
   */
  async endByStaff(sessionId: string): Promise<void> {
    await this.queue.run(sessionId, async () => {
      await this.endSession(sessionId, 'ended_by_staff');
      this.drops.forgetSession(sessionId);
    });
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
    const previous = this.deps.registry.get(record.id)?.participants.get(studentId);
    // Back on a new connection from the same iPad while their place is kept: a reconnection, not a new join.
    const comingBack = previous?.kind === 'student' && previous.lost !== undefined && previous.deviceId === conn.deviceId;
    // Back by the rejoin grant after the iPad's page reloaded: logged as that, whether or not the place was still kept.
    const rejoined = this.deps.rejoinGrants.takeRedeemed(record.id, studentId);
    if (previous && comingBack) {
      await this.welcomeBack(record.id, previous, 'new_connection', rejoined);
      this.retire(this.deps.registry.get(record.id)!, previous);
    } else if (previous) {
      // The same student on a second device replaces the first (which may close an empty room, so this comes first).
      this.deps.sink.send(previous.connectionId, 'session:ended', { reason: 'replaced', message: endMessages.replaced });
      await this.removeParticipant(record.id, studentId, 'replaced', previous.connectionId);
    }
    const session = await this.liveSession(record);
    const self = record.mentor.id === studentId ? record.mentor : record.mentee;
    const peer = session.room.addPeer(studentId);
    try {
      const others = session.others(studentId);
      // The log is written before the student is told they are in (a kept place was logged coming back above);
      // the media is set up meanwhile, since neither waits for the other and both come before the answer.
      const [sendTransport, recvTransport, { consumers }] = await bothSettled(
        this.prepareMedia(session, peer, studentId, rtpCapabilities),
        this.logStudentIn(record.id, { id: studentId, deviceId: conn.deviceId }, { comingBack, rejoined, networkCheck }),
      );
      const participant: Participant = {
        kind: 'student',
        id: studentId,
        connectionId: conn.connectionId,
        deviceId: conn.deviceId,
        peer,
        producers: new Map(),
        info: { participantId: studentId, firstName: self.firstName, role: self.role, schoolName: self.schoolName },
      };
      this.deps.registry.register(session, participant);
      this.deps.audioFirst.watch(session, participant);
      for (const other of others) this.deps.sink.send(other.connectionId, 'peer:joined', participant.info);
      this.deps.log.info({ sessionId: record.id, studentId, deviceId: conn.deviceId, rejoined }, 'SessionJoined');
      const rejoinGrant = conn.deviceId
        ? this.deps.rejoinGrants.issue({ sessionId: record.id, studentId, deviceId: conn.deviceId }, record.endsAt)
        : undefined;
      return {
        participantId: studentId,
        session: { id: record.id, startsAt: record.startsAt.toString(), endsAt: record.endsAt.toString() },
        routerRtpCapabilities: session.room.rtpCapabilities,
        sendTransport,
        recvTransport,
        iceServers: this.deps.callMedia.iceServersFor(conn.deviceId ?? studentId),
        peers: session.students().filter((p) => p.id !== studentId).map((p) => p.info),
        // As of now, not of the offer: one produced meanwhile was told only to those registered then.
        producers: session.producersOfOthers(studentId),
        consumers,
        observers: session.observers().map((o) => o.info),
        ...(rejoinGrant ? { rejoinGrant } : {}),
      };
    } catch (error) {
      peer.close();
      if (session.participants.size === 0) this.closeLiveSession(session);
      throw error;
    }
  }

  /** A newcomer's two transports, then consumers of what the others already send (on the receive one). */
  private async prepareMedia(session: LiveSession, peer: MediaPeer, studentId: string, rtpCapabilities: unknown) {
    const [sendTransport, recvTransport] = await Promise.all([peer.createTransport('send'), peer.createTransport('recv')]);
    return [sendTransport, recvTransport, await this.deps.callMedia.offer(session, peer, studentId, rtpCapabilities)] as const;
  }

  /** The join in the session's log: as a rejoin by grant, a return after a drop, or a first join. */
  private async logStudentIn(sessionId: string, student: { id: string; deviceId: string | null }, how: { comingBack: boolean; rejoined: boolean; networkCheck?: NetworkCheckResult | undefined }): Promise<void> {
    const returning = this.drops.takeReturning(sessionId, student.id);
    if (how.comingBack) return;
    if (how.rejoined) await this.deps.timeline.participantRejoined(sessionId, student, false);
    else await this.deps.timeline.studentJoined(sessionId, student, returning ? 'reconnected' : 'joined', how.networkCheck);
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
      const { consumers } = await this.deps.callMedia.offer(session, peer, staff.staffId, rtpCapabilities);
      const observer: Participant = { kind: 'observer', id: staff.staffId, connectionId: conn.connectionId, deviceId: null, peer, producers: new Map(), info };
      this.deps.registry.register(session, observer);
      this.deps.audioFirst.watch(session, observer);
      for (const other of others) this.deps.sink.send(other.connectionId, 'observer:joined', info);
      this.deps.log.info({ sessionId: record.id, staffId: staff.staffId }, 'ObserverJoined');
      return {
        session: { id: record.id, startsAt: record.startsAt.toString(), endsAt: record.endsAt.toString() },
        routerRtpCapabilities: session.room.rtpCapabilities,
        recvTransport,
        iceServers: this.deps.callMedia.iceServersFor(staff.staffId),
        peers: session.students().map((p) => p.info),
        producers: session.producersOfOthers(staff.staffId), // as of now, as for a student
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
      this.queue.runDetached(record.id, () => this.endSession(record.id, 'time_up'), (err) => this.deps.log.error({ err, sessionId: record.id }, 'TimeUpNotEnded'));
    });
    this.deps.registry.add(session);
    return session;
  }

  private async holdPlace(sessionId: string, participantId: string, connectionId: string): Promise<void> {
    const participant = this.deps.registry.get(sessionId)?.participants.get(participantId);
    if (!participant || participant.connectionId !== connectionId) return;
    if (participant.kind === 'observer') {
      await this.removeParticipant(sessionId, participantId, 'disconnected', connectionId);
      return;
    }
    if (participant.lost) return;
    const graceTimer = this.deps.timers.after(this.deps.graceMs ?? RECONNECT_GRACE_MS, () => {
      const drop = async () => {
        const now = this.deps.registry.get(sessionId)?.participants.get(participantId);
        if (now !== participant || !participant.lost) return;
        await this.removeParticipant(sessionId, participantId, 'disconnected', connectionId, 'dropped');
      };
      this.queue.runDetached(sessionId, drop, (err) => this.deps.log.error({ err, sessionId, participantId }, 'DroppedNotRemoved'));
    });
    participant.lost = { graceTimer };
    // Not the child's choice: the device page may offer "Rejoin" for a few minutes from now.
    this.deps.rejoinGrants.noteDropped(sessionId, participantId);
    try {
      await this.deps.timeline.participantReconnecting(sessionId, participant);
    } catch (err) {
      this.deps.log.error({ err, sessionId, participantId }, 'ReconnectingNotRecorded');
    }
    for (const other of this.deps.registry.get(sessionId)?.others(participantId) ?? []) {
      this.deps.sink.send(other.connectionId, 'peer:reconnecting', { participantId });
    }
    this.deps.log.info({ sessionId, studentId: participantId }, 'ParticipantReconnecting');
  }

  /** Their place was kept and they are back: the log says so (before anyone is told) and the partner hears it. */
  private async welcomeBack(sessionId: string, participant: StudentParticipant, how: 'same_connection' | 'new_connection', rejoined = false) {
    participant.lost?.graceTimer.cancel();
    participant.lost = undefined;
    if (rejoined) await this.deps.timeline.participantRejoined(sessionId, participant, true);
    else await this.deps.timeline.participantReconnected(sessionId, participant, how);
    for (const other of this.deps.registry.get(sessionId)?.others(participant.id) ?? []) {
      this.deps.sink.send(other.connectionId, 'peer:reconnected', { participantId: participant.id });
    }
    this.deps.log.info({ sessionId, studentId: participant.id, how }, 'ParticipantReconnected');
  }

  /**
   * Closes a participant's old media and forgets their old connection, without telling anyone they
   * left (they are coming straight back); the partner drops the old producers.
   */
  private retire(session: LiveSession, participant: Participant): void {
    const producerIds = [...participant.producers.keys()];
    participant.peer.close();
    this.deps.registry.unregister(session, participant);
    for (const other of session.others(participant.id)) {
      for (const producerId of producerIds) this.deps.sink.send(other.connectionId, 'producer:closed', { producerId });
    }
  }

  private async removeParticipant(sessionId: string, participantId: string, reason: LeaveReason, connectionId: string, how: 'left' | 'dropped' = 'left') {
    const session = this.deps.registry.get(sessionId);
    const participant = session?.participants.get(participantId);
    if (!session || !participant || participant.connectionId !== connectionId) return;
    if (participant.kind === 'student') participant.lost?.graceTimer.cancel();
    const producerIds = [...participant.producers.keys()];
    participant.peer.close();
    this.deps.registry.unregister(session, participant);
    this.deps.audioFirst.forget(connectionId);
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
    await this.recordLeaving(session, participant, reason, how);
    // The call is over (everyone may rejoin, but this part of the log is complete): seal its head.
    if (session.students().length === 0) await this.checkpointLog(sessionId);
  }

  private async recordLeaving(session: LiveSession, participant: Participant, reason: LeaveReason, how: 'left' | 'dropped') {
    const sessionId = session.record.id;
    if (participant.kind === 'student' && DROP_REASONS.has(reason)) this.drops.note(sessionId, participant.id, session.record.endsAt);
    // Chosen or final leavings end the rejoin offer on that iPad; a drop keeps it for its few minutes.
    if (participant.kind === 'student' && REVOKES_REJOIN.has(reason)) this.deps.rejoinGrants.revoke(sessionId, participant.id);
    else if (participant.kind === 'student') this.deps.rejoinGrants.noteDropped(sessionId, participant.id);
    try {
      if (participant.kind === 'student' && how === 'dropped') await this.deps.timeline.participantDropped(sessionId, participant, 'disconnected');
      else if (participant.kind === 'student') await this.deps.timeline.studentLeft(sessionId, participant, reason);
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
    const everyone = [...session.participants.values()];
    // Everyone hears why before anyone is removed (an observer would otherwise hear only "Both students have left").
    for (const participant of everyone) {
      const message = participant.kind === 'observer' && reason === 'ended_by_staff' ? OBSERVERS_TOLD_STAFF_ENDED : endMessages[reason];
      this.deps.sink.send(participant.connectionId, 'session:ended', { reason, message });
    }
    for (const participant of everyone) await this.removeParticipant(sessionId, participant.id, reason, participant.connectionId);
    this.closeLiveSession(session);
    if (reason === 'time_up') {
      // Nobody can join a session after its end time: nothing about its drops is worth keeping.
      this.drops.forgetSession(sessionId);
      this.deps.rejoinGrants.revokeSession(sessionId);
      await this.deps.timeline.sessionEnded(sessionId, reason).catch((err: unknown) => this.deps.log.error({ err, sessionId }, 'SessionEndedNotRecorded'));
    }
  }

  private closeLiveSession(session: LiveSession): void {
    session.endTimer?.cancel();
    this.deps.registry.remove(session);
    if (!session.room.closed) session.room.close();
  }
}
