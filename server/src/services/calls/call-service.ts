import type { ClientAckData, ClientPayload, JoinResult, LeaveReason, ObserveResult } from '@peerbridge/shared';
import { AppError } from '../../errors.js';
import type { Admission } from '../admission/admission.js';
import type { CallMedia } from '../call-media/call-media.js';
import type { LiveRegistry } from '../live-registry/live-registry.js';
import type { LiveSessionSummary } from '../live-registry/live-sessions-view.js';
import type { CallConnection } from './call-connection.js';
import type { CallLifecycle } from './call-lifecycle.js';
import { endMessages } from './leaving-rules.js';

/**
 * What the socket handlers call for a live session: admission decides who may
 * come in, the lifecycle brings them in and out, call media passes their
 * media through. This class only puts those in order.
 */
export class CallService {
  private acceptingJoins = true;

  constructor(
    private readonly deps: {
      admission: Pick<Admission, 'admitStudent' | 'admitObserver' | 'verifyJoinToken'>;
      lifecycle: CallLifecycle;
      media: CallMedia;
      registry: Pick<LiveRegistry, 'size' | 'liveSessionsFor' | 'get'>;
    },
  ) {}

  capabilities(): ClientAckData['media:capabilities'] {
    return this.deps.media.capabilities();
  }

  liveSessionCount(): number {
    return this.deps.registry.size;
  }

  /** What is held in memory for calls (tests check that nothing outlives a call). */
  held() {
    return this.deps.lifecycle.held();
  }

  async join(conn: CallConnection, input: ClientPayload<'session:join'>): Promise<JoinResult> {
    if (!this.acceptingJoins) throw new AppError('shutting_down', endMessages.server_shutdown);
    if (!conn.deviceId) throw new AppError('forbidden', 'Students join from a school iPad; staff observe instead.');
    const record = await this.deps.admission.admitStudent(input, { deviceId: conn.deviceId, schoolId: conn.schoolId });
    // A device is in one call at a time: joining again first leaves the old one.
    await this.leave(conn.connectionId, 'rejoined');
    return this.deps.lifecycle.enterStudent(conn, record, input.studentId, input.rtpCapabilities, input.networkCheck);
  }

  /**
   * Pre-join asks whether the partner is in the call already. Only the student this iPad signed in for the
   * session may ask (their join token), and the answer is yes or no, nothing more. A partner whose
   * connection is lost (their place kept) is not "here" until they are back.
   */
  async presence(conn: CallConnection, input: ClientPayload<'session:presence'>): Promise<ClientAckData['session:presence']> {
    if (!conn.deviceId) throw new AppError('forbidden', 'Only a school iPad can ask who is in its session.');
    await this.deps.admission.verifyJoinToken(input, conn.deviceId);
    const session = this.deps.registry.get(input.sessionId);
    const partnerHere = (session?.students() ?? []).some((p) => p.id !== input.studentId && !p.lost);
    return { partnerHere };
  }

  leave(connectionId: string, reason: LeaveReason): Promise<void> {
    return this.deps.lifecycle.leave(connectionId, reason);
  }

  /** The connection dropped without leaving: a student's place is kept for the grace period. */
  connectionLost(connectionId: string): Promise<void> {
    return this.deps.lifecycle.connectionLost(connectionId);
  }

  /** socket.io recovered the same connection (its id, rooms and missed events) within the grace period. */
  connectionRecovered(connectionId: string): Promise<void> {
    return this.deps.lifecycle.connectionRecovered(connectionId);
  }

  /**
   * A DSL or supervisor of either school joins a live session to watch. They
   * get a receiving connection only, and both students are told at once.
   */
  async observe(conn: CallConnection, input: ClientPayload<'observe:join'>): Promise<ObserveResult> {
    if (!this.acceptingJoins) throw new AppError('shutting_down', endMessages.server_shutdown);
    const staff = conn.staff;
    if (!staff) throw new AppError('forbidden', 'Only staff can observe a session.');
    const record = await this.deps.admission.admitObserver(staff, input.sessionId);
    await this.leave(conn.connectionId, 'rejoined');
    return this.deps.lifecycle.enterObserver(conn, record, staff, input.rtpCapabilities);
  }

  /** Sessions with someone in them, for the staff who may observe them. */
  liveSessionsFor(staffSchoolId: string): LiveSessionSummary[] {
    return this.deps.registry.liveSessionsFor(staffSchoolId);
  }

  connectTransport(connectionId: string, input: ClientPayload<'transport:connect'>) {
    return this.deps.media.connectTransport(connectionId, input);
  }

  restartIce(connectionId: string, input: ClientPayload<'transport:restart-ice'>) {
    return this.deps.media.restartIce(connectionId, input);
  }

  produce(connectionId: string, input: ClientPayload<'media:produce'>) {
    return this.deps.media.produce(connectionId, input);
  }

  consume(connectionId: string, input: ClientPayload<'media:consume'>) {
    return this.deps.media.consume(connectionId, input);
  }

  resumeConsumer(connectionId: string, input: ClientPayload<'media:resume-consumer'>) {
    return this.deps.media.resumeConsumer(connectionId, input);
  }

  setPaused(connectionId: string, input: ClientPayload<'media:set-paused'>) {
    return this.deps.media.setPaused(connectionId, input);
  }

  /** Ends a live session for everyone in it, after staff ended it (nothing to do when nobody is in it). */
  endByStaff(sessionId: string): Promise<void> {
    return this.deps.lifecycle.endByStaff(sessionId);
  }

  removeDevice(deviceId: string): Promise<void> {
    return this.deps.lifecycle.removeDevice(deviceId);
  }

  /**
   * Stops new joins, tells everyone (`server_shutdown`: devices keep their join tokens and come back
   * by themselves once the server is up again), logs their leaving and closes every room.
   */
  async shutdown(): Promise<void> {
    this.acceptingJoins = false;
    await this.deps.lifecycle.endAll('server_shutdown');
  }
}
