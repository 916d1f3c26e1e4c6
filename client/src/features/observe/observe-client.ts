import type { ConsumeResult } from '@peerbridge/shared';
import {
  ChatMessage,
  ObserveResult,
  type ObserverInfo,
  type PeerInfo,
  type ProducerInfo,
} from '@peerbridge/shared';
import { reportProblem } from '../../lib/diagnostics';
import { PeerbridgeError, toPeerbridgeError } from '../../lib/peerbridge-error';
import { createStaffSocket, request, waitForConnection, type StaffSocket } from '../../lib/socket-client';
import { TypedEmitter } from '../../lib/typed-emitter';
import { MediaSession, type LoadedDevice } from '../call/media-session';
import { receiveRemote } from '../call/receive-remote';
import { withObserver, withoutObserver } from '../call/observers';
import { RemoteProducers, type RemoteProducer } from '../call/remote-producers';
import { initialObserveState, orderStudents, type ObserveState } from './observe-state';

/** How the receive-only media is built; tests pass stand-ins because there is no WebRTC in Node. */
export interface ObserveMedia {
  loadDevice: (routerRtpCapabilities: unknown) => Promise<LoadedDevice>;
  create: typeof MediaSession.createReceiveOnly;
}

const realMedia: ObserveMedia = {
  loadDevice: (caps) => MediaSession.loadDevice(caps),
  create: (...args) => MediaSession.createReceiveOnly(...args),
};

/** Stopping must never hang the page on a dead connection. */
const LEAVE_TIMEOUT_MS = 2_000;

const LOST = 'The connection to the session was lost. You are no longer watching; the students no longer see you.';

/**
 * A member of staff watching one live session: their own staff socket (the
 * server knows them by their session cookie), a receive-only MediaSession,
 * both students' audio and video. They can't send anything, and both
 * students see a banner naming them for as long as they watch.
 *
 * No automatic rejoin: if the connection drops, the students' banner goes
 * too, and watching again should be a decision, not a side effect.
 */
export class ObserveClient {
  private readonly socket: StaffSocket;
  private readonly media: ObserveMedia;
  private readonly events = new TypedEmitter<{ state: [ObserveState] }>();
  private current: ObserveState = initialObserveState;
  private session: MediaSession | null = null;
  private readonly peers = new Map<string, PeerInfo>();
  private readonly remote = new RemoteProducers();
  private live = false;
  private deferred: Array<() => void> = [];
  private started = false;
  private disposed = false;
  private chatSeq = 0;

  constructor(
    private readonly sessionId: string,
    options: { socket?: StaffSocket; media?: ObserveMedia } = {},
  ) {
    this.socket = options.socket ?? createStaffSocket();
    this.media = options.media ?? realMedia;
    this.bindSocket();
  }

  get state(): ObserveState {
    return this.current;
  }

  readonly subscribe = (listener: (state: ObserveState) => void): (() => void) => this.events.on('state', listener);

  /** Joins as an observer. Never rejects: a refusal ends the watch with the server's words. */
  async start(): Promise<void> {
    if (this.started || this.disposed) return;
    this.started = true;
    try {
      await waitForConnection(this.socket);
      const { routerRtpCapabilities } = await request(this.socket, 'media:capabilities', {});
      const loaded = await this.media.loadDevice(routerRtpCapabilities);
      const ack = await request(this.socket, 'observe:join', {
        sessionId: this.sessionId,
        rtpCapabilities: loaded.device.rtpCapabilities,
      });
      const parsed = ObserveResult.safeParse(ack);
      if (!parsed.success) throw PeerbridgeError.unexpected(parsed.error);
      if (this.disposed) return;
      const observed = parsed.data;

      const session = await this.media.create(
        observed,
        {
          connectTransport: async (transportId, dtlsParameters) => {
            await request(this.socket, 'transport:connect', { transportId, dtlsParameters });
          },
        },
        () => this.end(LOST),
        loaded,
      );
      if (this.disposed || this.current.phase === 'ended') {
        session.close();
        return;
      }
      this.session = session;
      for (const peer of observed.peers) this.peers.set(peer.participantId, peer);
      this.live = true;
      this.update({ phase: 'watching', observers: observed.observers });
      this.publishStudents();

      const prepared = new Map(observed.consumers.map((c) => [c.producerId, c]));
      for (const producer of observed.producers) this.addProducer(producer, prepared.get(producer.producerId));
      const deferred = this.deferred;
      this.deferred = [];
      for (const run of deferred) run();
    } catch (error) {
      if (this.disposed) return;
      const problem = toPeerbridgeError(error);
      if (!(error instanceof PeerbridgeError)) reportProblem('observing failed', error);
      this.end(problem.message);
    }
  }

  /** Stops watching: the server is told (briefly), then the connection closes. */
  async stop(): Promise<void> {
    if (this.disposed) return;
    if (this.socket.connected && this.started) {
      await request(this.socket, 'session:leave', {}, LEAVE_TIMEOUT_MS).catch(() => undefined);
    }
    this.dispose();
  }

  /** Releases everything. The server treats the socket closing as leaving. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.teardown();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.events.removeAllListeners();
  }

  // ---- server pushes -----------------------------------------------------

  private bindSocket(): void {
    const socket = this.socket;
    socket.on('peer:joined', (peer) => this.whenLive(() => this.onPeerJoined(peer)));
    socket.on('peer:left', ({ participantId }) => this.whenLive(() => this.onPeerLeft(participantId)));
    socket.on('producer:added', (producer) => this.whenLive(() => this.addProducer(producer)));
    socket.on('producer:paused', ({ producerId, paused }) =>
      this.whenLive(() => {
        if (this.remote.setPaused(producerId, paused)) this.publishStudents();
      }),
    );
    socket.on('producer:closed', ({ producerId }) => this.whenLive(() => this.removeProducer(producerId)));
    socket.on('observer:joined', (observer: ObserverInfo) =>
      this.whenLive(() => this.update({ observers: withObserver(this.current.observers, observer) })),
    );
    socket.on('observer:left', ({ observerId }) =>
      this.whenLive(() => this.update({ observers: withoutObserver(this.current.observers, observerId) })),
    );
    socket.on('chat:message', (message) => this.onChatMessage(message));
    socket.on('session:ended', ({ message }) => this.end(message || 'The session has ended.'));
    socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect' && this.started) this.end(LOST);
    });
  }

  private whenLive(run: () => void): void {
    if (this.current.phase === 'ended') return;
    if (this.live) run();
    else this.deferred.push(run);
  }

  private onPeerJoined(peer: PeerInfo): void {
    this.peers.set(peer.participantId, peer);
    this.publishStudents();
  }

  private onPeerLeft(participantId: string): void {
    for (const producerId of this.remote.producerIdsOf(participantId)) this.removeProducer(producerId);
    this.peers.delete(participantId);
    this.publishStudents();
  }

  private onChatMessage(message: unknown): void {
    const parsed = ChatMessage.safeParse(message);
    if (!parsed.success || this.current.phase === 'ended') return;
    const { firstName, text, at } = parsed.data;
    this.update({ chat: [...this.current.chat, { id: `c${++this.chatSeq}`, firstName, text, at }] });
  }

  // ---- media ---------------------------------------------------------------

  private addProducer(info: ProducerInfo, prepared?: ConsumeResult): void {
    const entry = this.remote.add(info, null);
    if (entry) void this.consume(entry, prepared);
  }

  private async consume(entry: RemoteProducer, prepared?: ConsumeResult): Promise<void> {
    const session = this.session;
    if (!session) return;
    const stillWanted = () => this.session === session && this.remote.isCurrent(entry);
    try {
      await receiveRemote({ socket: this.socket, media: session, entry, prepared, stillWanted, onTrack: () => this.publishStudents() });
    } catch (error) {
      if (!stillWanted()) return;
      reportProblem(`could not receive ${entry.info.kind}`, error);
      const name = this.peers.get(entry.info.participantId)?.firstName ?? 'a student';
      this.update({ notice: `We couldn't receive ${name}'s ${entry.info.kind === 'audio' ? 'sound' : 'video'}.` });
    }
  }

  private removeProducer(producerId: string): void {
    if (!this.remote.delete(producerId)) return;
    this.session?.closeConsumer(producerId);
    this.publishStudents();
  }

  private publishStudents(): void {
    this.update({
      students: orderStudents(this.peers.values()).map((peer) => ({ peer, media: this.remote.snapshotOf(peer.participantId) })),
    });
  }

  // ---- plumbing --------------------------------------------------------------

  private end(message: string): void {
    if (this.current.phase === 'ended' || this.disposed) return;
    this.teardown();
    this.update({ phase: 'ended', endMessage: message, students: [] });
    this.socket.disconnect();
  }

  private teardown(): void {
    this.live = false;
    this.deferred = [];
    this.session?.close();
    this.session = null;
    this.remote.clear();
    this.peers.clear();
  }

  private update(patch: Partial<ObserveState>): void {
    if (this.disposed) return;
    this.current = { ...this.current, ...patch };
    this.events.emit('state', this.current);
  }
}
