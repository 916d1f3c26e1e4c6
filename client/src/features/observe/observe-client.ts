import { ObserveResult } from '@peerbridge/shared';
import { reportProblem } from '../../lib/diagnostics';
import { PeerbridgeError, toPeerbridgeError } from '../../lib/peerbridge-error';
import { leaveRoom, RemoteRoom } from '../../lib/remote-room/remote-room';
import { createStaffSocket, request, waitForConnection, type StaffSocket } from '../../lib/socket-client';
import { StateStore } from '../../lib/state-store';
import { MediaSession, type LoadedDevice } from '../call/media-session';
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

/** What staff see while the server holds their incoming video back for their slow connection. */
export const VIDEO_PAUSED_NOTICE = 'Video paused to keep the sound clear: this connection is too slow for video just now.';
const LOST = 'The connection to the session was lost. You are no longer watching; the students no longer see you.';

/**
 * A member of staff watching one live session: their own staff socket (the
 * server knows them by their session cookie), a receive-only MediaSession,
 * both students' audio and video through the RemoteRoom a student's call uses
 * too. They can't send anything, and both students see a banner naming them
 * for as long as they watch.
 *
 * No automatic rejoin: if the connection drops, the students' banner goes
 * too, and watching again should be a decision, not a side effect.
 */
export class ObserveClient {
  private readonly socket: StaffSocket;
  private readonly media: ObserveMedia;
  private readonly store = new StateStore<ObserveState>(initialObserveState);
  private readonly room: RemoteRoom;
  private session: MediaSession | null = null;
  private started = false;
  private disposed = false;

  constructor(
    private readonly sessionId: string,
    options: { socket?: StaffSocket; media?: ObserveMedia } = {},
  ) {
    this.socket = options.socket ?? createStaffSocket();
    this.media = options.media ?? realMedia;
    this.room = new RemoteRoom(this.socket, () => this.state.phase !== 'ended');
    this.followRoom();
    // Pushes may come before the media is ready; the room holds them until then.
    this.room.begin();
    this.socket.on('session:ended', ({ message }) => this.end(message || 'The session has ended.'));
    // Audio first applies to staff too: on a slow link their incoming video pauses, never the students'.
    this.socket.on('media:video-paused-for-bandwidth', ({ paused }) => {
      if (paused) this.store.update({ notice: VIDEO_PAUSED_NOTICE });
      else if (this.state.notice === VIDEO_PAUSED_NOTICE) this.store.update({ notice: null });
    });
    this.socket.on('disconnect', (reason) => {
      if (reason !== 'io client disconnect' && this.started) this.end(LOST);
    });
  }

  get state(): ObserveState {
    return this.store.state;
  }

  readonly subscribe = (listener: (state: ObserveState) => void): (() => void) => this.store.subscribe(listener);

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
      if (this.disposed || this.state.phase === 'ended') {
        session.close();
        return;
      }
      this.session = session;
      this.store.update({ phase: 'watching' });
      this.room.enter({ ...observed, selfId: null, media: session });
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
    if (this.socket.connected && this.started) await leaveRoom(this.socket);
    this.dispose();
  }

  /** Releases everything. The server treats the socket closing as leaving. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.teardown();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.store.close();
  }

  /** The room's changes as the watch shows them: each student with their own media, mentor first. */
  private followRoom(): void {
    const room = this.room;
    room.on('change', (what) => {
      if (what === 'peers' || what === 'media') this.publishStudents();
      else if (what === 'observers') this.store.update({ observers: room.observers });
      else if (what === 'chat') this.store.update({ chat: room.chat.map(({ id, firstName, text, at }) => ({ id, firstName, text, at })) });
    });
    room.on('receiveFailed', (info) => {
      const name = room.peer(info.participantId)?.firstName ?? 'a student';
      this.store.update({ notice: `We couldn't receive ${name}'s ${info.kind === 'audio' ? 'sound' : 'video'}.` });
    });
  }

  private publishStudents(): void {
    const room = this.room;
    this.store.update({
      students: orderStudents(room.peers).map((peer) => ({ peer, media: room.mediaOf(peer.participantId) })),
    });
  }

  private end(message: string): void {
    if (this.state.phase === 'ended' || this.disposed) return;
    this.teardown();
    this.store.update({ phase: 'ended', endMessage: message, students: [] });
    this.socket.disconnect();
  }

  private teardown(): void {
    this.room.reset();
    this.session?.close();
    this.session = null;
  }
}
