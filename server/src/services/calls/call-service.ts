import type {
  ClientAckData,
  ClientPayload,
  JoinResult,
  ObserveResult,
  ObserverInfo,
  ProducerInfo,
  SessionEndReason,
} from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { sessionStatus } from '../../domain/sessions/join-rules.js';
import type { Logger } from 'pino';
import { decideJoin } from '../../domain/sessions/join-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';
import type { SessionRecord, SessionRepository } from '../../infra/db/session-repository.js';
import type { MediaPort } from '../../media/media-port.js';
import type { CallConnection, CallEventSink } from './call-events.js';
import type { JoinTokens } from '../students/join-tokens.js';
import type { ConsentNotices } from './consent-notices.js';
import { joinRefusalError } from './join-refusals.js';
import { KeyedQueue } from './keyed-queue.js';
import { LiveSession, type Participant } from './live-session.js';
import type { MediaPeer } from '../../media/media-port.js';

export interface CallServiceDeps {
  sessions: SessionRepository;
  events: SessionEventRepository;
  media: MediaPort;
  clock: Clock;
  log: Logger;
  sink: CallEventSink;
  iceServers: (who: string) => JoinResult['iceServers'];
  joinTokens: JoinTokens;
  notices: ConsentNotices;
}

const endMessages: Record<SessionEndReason, string> = {
  time_up: 'This session has finished.',
  media_lost: 'The video connection was lost. Reconnecting…',
  server_shutdown: 'Peerbridge is restarting. Please try again in a minute.',
  replaced: 'You joined this session from another iPad.',
  device_revoked: 'This iPad has been removed from Peerbridge by your school.',
};

/**
 * Live-session orchestration: who is in which call, what the media layer
 * must do for them, and the session log. Every change to one session runs
 * through that session's queue.
 */
export class CallService {
  private readonly live = new Map<string, LiveSession>();
  private readonly byConnection = new Map<string, { sessionId: string; participantId: string }>();
  private readonly queue = new KeyedQueue();
  private acceptingJoins = true;
  /** Students whose last leaving was not their choice (dropped, media lost, replaced), by session. */
  private readonly droppedRecently = new Map<string, boolean>();

  constructor(private readonly deps: CallServiceDeps) {
    deps.media.onRoomLost((roomId) => void this.handleRoomLost(roomId));
  }

  capabilities(): ClientAckData['media:capabilities'] {
    return { routerRtpCapabilities: this.deps.media.routerRtpCapabilities() };
  }

  liveSessionCount(): number {
    return this.live.size;
  }

  async join(conn: CallConnection, input: ClientPayload<'session:join'>): Promise<JoinResult> {
    if (!this.acceptingJoins) throw new AppError('shutting_down', endMessages.server_shutdown);
    if (!conn.deviceId) throw new AppError('forbidden', 'Students join from a school iPad; staff observe instead.');
    await this.deps.joinTokens.verify(input.joinToken, {
      studentId: input.studentId,
      sessionId: input.sessionId,
      deviceId: conn.deviceId,
    });
    const record = await this.deps.sessions.findById(input.sessionId);
    if (!record) throw AppError.notFound('We could not find that session. Go back and pick it again.');
    const decision = decideJoin({
      session: record,
      studentId: input.studentId,
      deviceSchoolId: conn.schoolId,
      now: this.deps.clock.now(),
    });
    if (!decision.allowed) {
      if (decision.reason === 'consent_missing') await this.deps.notices.consentMissing(record, decision.missing);
      const zone = [record.mentor, record.mentee].find((s) => s.schoolId === conn.schoolId)?.schoolTimeZone;
      throw joinRefusalError(decision, zone ?? record.mentor.schoolTimeZone);
    }
    // A device is in one call at a time: joining again first leaves the old one.
    await this.leave(conn.connectionId, 'rejoined');
    return this.queue.run(record.id, () => this.admit(conn, record, input.studentId, input.rtpCapabilities));
  }

  async leave(connectionId: string, reason: string): Promise<void> {
    const where = this.byConnection.get(connectionId);
    if (!where) return;
    await this.queue.run(where.sessionId, () => this.removeParticipant(where.sessionId, where.participantId, reason, connectionId));
  }

  /**
   * A DSL or supervisor of either school joins a live session to watch. They
   * get a receiving connection only, and both students are told at once.
   */
  async observe(conn: CallConnection, input: ClientPayload<'observe:join'>): Promise<ObserveResult> {
    if (!this.acceptingJoins) throw new AppError('shutting_down', endMessages.server_shutdown);
    const staff = conn.staff;
    if (!staff) throw new AppError('forbidden', 'Only staff can observe a session.');
    const record = await this.deps.sessions.findById(input.sessionId);
    if (!record) throw AppError.notFound('No such session.');
    if (!can(staff, 'sessions:observe', [record.mentor.schoolId, record.mentee.schoolId])) {
      throw new AppError('forbidden', 'Your account cannot observe this session.');
    }
    if (sessionStatus(record, this.deps.clock.now()) !== 'open') {
      throw new AppError('session_not_open', 'This session is not happening now.');
    }
    await this.leave(conn.connectionId, 'rejoined');
    return this.queue.run(record.id, () => this.admitObserver(conn, record, staff, input.rtpCapabilities));
  }

  /** Sessions with someone in them, for the staff who may observe them. */
  liveSessionsFor(staffSchoolId: string): { sessionId: string; students: number; observers: number }[] {
    return [...this.live.values()]
      .filter((s) => s.schoolIds().includes(staffSchoolId) && s.students().length > 0)
      .map((s) => ({ sessionId: s.record.id, students: s.students().length, observers: s.observers().length }));
  }

  /** The live session and participant behind a connection (for chat and concerns). */
  whereIs(connectionId: string): { session: LiveSession; participant: Participant } {
    return this.participantOf(connectionId);
  }

  async connectTransport(connectionId: string, input: ClientPayload<'transport:connect'>) {
    const { participant } = this.participantOf(connectionId);
    await participant.peer.connectTransport(input.transportId, input.dtlsParameters);
    return {};
  }

  async produce(connectionId: string, input: ClientPayload<'media:produce'>): Promise<ClientAckData['media:produce']> {
    const { session, participant } = this.participantOf(connectionId);
    if (participant.kind === 'observer') throw new AppError('forbidden', 'Observers receive only; they never send.');
    const { producerId } = await participant.peer.produce(input.transportId, input.kind, input.rtpParameters);
    participant.producers.set(producerId, { kind: input.kind, paused: false });
    const announced = { producerId, participantId: participant.id, kind: input.kind, paused: false };
    for (const other of session.others(participant.id)) {
      this.deps.sink.send(other.connectionId, 'producer:added', announced);
    }
    return { producerId };
  }

  async consume(connectionId: string, input: ClientPayload<'media:consume'>): Promise<ClientAckData['media:consume']> {
    const { session, participant } = this.participantOf(connectionId);
    const owner = session.ownerOfProducer(input.producerId);
    if (!owner || owner === participant) {
      throw AppError.notFound('That video or audio is not part of this session.');
    }
    const consumer = await participant.peer.consume(input.producerId, input.rtpCapabilities);
    return { ...consumer, participantId: owner.id };
  }

  async resumeConsumer(connectionId: string, input: ClientPayload<'media:resume-consumer'>) {
    await this.participantOf(connectionId).participant.peer.resumeConsumer(input.consumerId);
    return {};
  }

  async setPaused(connectionId: string, input: ClientPayload<'media:set-paused'>) {
    const { session, participant } = this.participantOf(connectionId);
    const producer = participant.producers.get(input.producerId);
    if (!producer) throw AppError.notFound('That microphone or camera is not being sent from this device.');
    await participant.peer.setProducerPaused(input.producerId, input.paused);
    producer.paused = input.paused;
    await this.deps.events.append({
      occurrenceId: session.record.id,
      type: 'MediaToggled',
      actor: participant.id,
      deviceId: participant.deviceId,
      at: this.deps.clock.now(),
      detail: { kind: producer.kind, on: !input.paused },
    });
    for (const other of session.others(participant.id)) {
      this.deps.sink.send(other.connectionId, 'producer:paused', { producerId: input.producerId, paused: input.paused });
    }
    return {};
  }

  /** A revoked device leaves every call it is in, told why, and the log says so. */
  async removeDevice(deviceId: string): Promise<void> {
    for (const [connectionId, where] of [...this.byConnection]) {
      const participant = this.live.get(where.sessionId)?.participants.get(where.participantId);
      if (participant?.deviceId !== deviceId) continue;
      this.deps.sink.send(connectionId, 'session:ended', { reason: 'device_revoked', message: endMessages.device_revoked });
      await this.leave(connectionId, 'device_revoked');
    }
  }

  /** Stops new joins, tells everyone, logs their leaving and closes every room. */
  async shutdown(): Promise<void> {
    this.acceptingJoins = false;
    await Promise.all([...this.live.keys()].map((id) => this.queue.run(id, () => this.endSession(id, 'server_shutdown'))));
  }

  private async admit(
    conn: CallConnection,
    record: SessionRecord,
    studentId: string,
    rtpCapabilities: unknown,
  ): Promise<JoinResult> {
    // The same student on a second device replaces the first (which may close an empty room, so this comes first).
    const previous = this.live.get(record.id)?.participants.get(studentId);
    if (previous) {
      this.deps.sink.send(previous.connectionId, 'session:ended', { reason: 'replaced', message: endMessages.replaced });
      await this.removeParticipant(record.id, studentId, 'replaced', previous.connectionId);
    }
    const session = await this.liveSession(record);
    const self = record.mentor.id === studentId ? record.mentor : record.mentee;
    const peer = session.room.addPeer(studentId);
    try {
      const [sendTransport, recvTransport] = await Promise.all([
        peer.createTransport('send'),
        peer.createTransport('recv'),
      ]);
      // The log is written before the student is told they are in. Coming back after a
      // dropped connection or lost media is a reconnection, so the timeline reads truthfully.
      const reconnecting = this.droppedRecently.get(`${record.id}:${studentId}`) === true;
      this.droppedRecently.delete(`${record.id}:${studentId}`);
      await this.deps.events.append({
        occurrenceId: record.id,
        type: reconnecting ? 'SessionReconnected' : 'SessionJoined',
        actor: studentId,
        deviceId: conn.deviceId,
        at: this.deps.clock.now(),
      });
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
      const producers = others.flatMap((o) => session.producersOf(o));
      const consumers = rtpCapabilities ? await this.prepareConsumers(peer, producers, rtpCapabilities) : [];
      this.register(session, participant);
      for (const other of others) this.deps.sink.send(other.connectionId, 'peer:joined', participant.info);
      this.deps.log.info({ sessionId: record.id, studentId, deviceId: conn.deviceId }, 'SessionJoined');
      return {
        participantId: studentId,
        session: { id: record.id, startsAt: record.startsAt.toString(), endsAt: record.endsAt.toString() },
        routerRtpCapabilities: session.room.rtpCapabilities,
        sendTransport,
        recvTransport,
        iceServers: this.deps.iceServers(conn.deviceId ?? studentId),
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

  private async admitObserver(
    conn: CallConnection,
    record: SessionRecord,
    staff: NonNullable<CallConnection['staff']>,
    rtpCapabilities: unknown,
  ): Promise<ObserveResult> {
    const session = this.live.get(record.id);
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
      await this.deps.events.append({
        occurrenceId: record.id,
        type: 'ObserverJoined',
        actor: staff.staffId,
        at: this.deps.clock.now(),
        detail: { name: info.name, schoolName: info.schoolName, role: info.role },
      });
      const others = session.others(staff.staffId);
      const producers = others.flatMap((o) => session.producersOf(o));
      const consumers = rtpCapabilities ? await this.prepareConsumers(peer, producers, rtpCapabilities) : [];
      this.register(session, { kind: 'observer', id: staff.staffId, connectionId: conn.connectionId, deviceId: null, peer, producers: new Map(), info });
      for (const other of others) this.deps.sink.send(other.connectionId, 'observer:joined', info);
      this.deps.log.info({ sessionId: record.id, staffId: staff.staffId }, 'ObserverJoined');
      return {
        session: { id: record.id, startsAt: record.startsAt.toString(), endsAt: record.endsAt.toString() },
        routerRtpCapabilities: session.room.rtpCapabilities,
        recvTransport,
        iceServers: this.deps.iceServers(staff.staffId),
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

  private register(session: LiveSession, participant: Participant): void {
    session.participants.set(participant.id, participant);
    this.byConnection.set(participant.connectionId, { sessionId: session.record.id, participantId: participant.id });
  }

  /**
   * Consumers for the partner's media, made during the join. One that cannot
   * be made is left out: the client then asks for it the ordinary way.
   */
  private async prepareConsumers(peer: MediaPeer, producers: ProducerInfo[], rtpCapabilities: unknown) {
    const made = await Promise.all(
      producers.map((producer) =>
        peer.consume(producer.producerId, rtpCapabilities).then(
          (consumer) => ({ ...consumer, participantId: producer.participantId }),
          (err: unknown) => {
            this.deps.log.warn({ err, producerId: producer.producerId }, 'ConsumerNotPrepared');
            return undefined;
          },
        ),
      ),
    );
    return made.filter((c) => c !== undefined);
  }

  private async liveSession(record: SessionRecord): Promise<LiveSession> {
    const existing = this.live.get(record.id);
    if (existing && !existing.room.closed) return existing;
    const room = await this.deps.media.openRoom(record.id);
    const session = new LiveSession(record, room);
    const msUntilEnd = this.deps.clock.now().until(record.endsAt).total('milliseconds');
    session.endTimer = setTimeout(() => {
      void this.queue.run(record.id, () => this.endSession(record.id, 'time_up'));
    }, Math.max(0, msUntilEnd));
    session.endTimer.unref();
    this.live.set(record.id, session);
    return session;
  }

  private async removeParticipant(sessionId: string, participantId: string, reason: string, connectionId: string) {
    const session = this.live.get(sessionId);
    const participant = session?.participants.get(participantId);
    if (!session || !participant || participant.connectionId !== connectionId) return;
    const producerIds = [...participant.producers.keys()];
    participant.peer.close();
    session.participants.delete(participantId);
    this.byConnection.delete(connectionId);
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
    await this.appendLeft(sessionId, participant, reason);
    // The call is over (everyone may rejoin, but this part of the log is complete): seal its head.
    if (session.students().length === 0) await this.checkpointLog(sessionId);
  }

  private async checkpointLog(sessionId: string) {
    try {
      await this.deps.events.checkpoint(sessionId, 'call_closed', this.deps.clock.now());
    } catch (err) {
      this.deps.log.error({ err, sessionId }, 'LogCheckpointNotRecorded');
    }
  }

  private async endSession(sessionId: string, reason: SessionEndReason): Promise<void> {
    const session = this.live.get(sessionId);
    if (!session) return;
    for (const participant of [...session.participants.values()]) {
      this.deps.sink.send(participant.connectionId, 'session:ended', { reason, message: endMessages[reason] });
      await this.removeParticipant(sessionId, participant.id, reason, participant.connectionId);
    }
    this.closeLiveSession(session);
    if (reason === 'time_up') {
      await this.deps.events
        .append({ occurrenceId: sessionId, type: 'SessionEnded', at: this.deps.clock.now(), detail: { reason } })
        .catch((err: unknown) => this.deps.log.error({ err, sessionId }, 'SessionEndedNotRecorded'));
    }
  }

  private async handleRoomLost(roomId: string): Promise<void> {
    await this.queue.run(roomId, () => this.endSession(roomId, 'media_lost'));
  }

  private closeLiveSession(session: LiveSession): void {
    clearTimeout(session.endTimer);
    if (this.live.get(session.record.id) === session) this.live.delete(session.record.id);
    if (!session.room.closed) session.room.close();
  }

  private async appendLeft(sessionId: string, participant: Participant, reason: string) {
    if (participant.kind === 'student' && ['disconnected', 'media_lost', 'replaced', 'rejoined'].includes(reason)) {
      this.droppedRecently.set(`${sessionId}:${participant.id}`, true);
    }
    try {
      await this.deps.events.append({
        occurrenceId: sessionId,
        type: participant.kind === 'student' ? 'SessionLeft' : 'ObserverLeft',
        actor: participant.id,
        deviceId: participant.deviceId,
        at: this.deps.clock.now(),
        detail: { reason },
      });
    } catch (err) {
      // They have already gone; losing the record must be loud, not silent.
      this.deps.log.error({ err, sessionId, participantId: participant.id, reason }, 'SessionLeftNotRecorded');
    }
  }

  private participantOf(connectionId: string): { session: LiveSession; participant: Participant } {
    const where = this.byConnection.get(connectionId);
    const session = where && this.live.get(where.sessionId);
    const participant = where && session?.participants.get(where.participantId);
    if (!session || !participant) throw AppError.notJoined();
    return { session, participant };
  }
}
