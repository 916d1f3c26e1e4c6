import type { ClientAckData, ClientPayload, NetworkCheckResult, SessionEndReason, TargetChanged } from '@peerbridge/shared';
import { now } from '../../lib/clock';
import { PeerbridgeError } from '../../lib/peerbridge-error';
import { noRemoteMedia } from '../../lib/remote-room/remote-producers';
import { leaveRoom, RemoteRoom } from '../../lib/remote-room/remote-room';
import { createDeviceSocket, request, type DeviceSocket } from '../../lib/socket-client';
import { StateStore } from '../../lib/state-store';
import { sendableText } from './chat-log';
import {
  describeJoinFailure,
  DevicePreload,
  negotiateJoin,
  type CreateMediaSession,
  type JoinParams,
} from './call-join';
import { applyTrackEnabled, CallPublisher } from './call-publisher';
import { CameraKeeper } from './camera-keeper';
import { reacquireCamera } from './local-media';
import { CallReconnect } from './call-reconnect';
import { clearRejoin, storeRejoin } from './rejoin-grant-store';
import { initialCallState, isJoined, type CallEnd, type CallState } from './call-state';
import { MediaSession } from './media-session';
import { runNetworkCheck } from './network-check';

export { SignInRequiredError, type CreateMediaSession, type JoinParams } from './call-join';

/**
 * How long our own tracks wait for the partner's to connect before going anyway: past the usual
 * ICE + DTLS (100–250 ms from here on loopback), and short, because where the network is slow
 * (UDP blocked, TURN over TCP: over a second) the wait would only delay being heard.
 */
const RECEIVE_FIRST_MS = 500;

/** The concern a press of "I'm worried" raised (words added later go to it), and words that could not be kept. */
export interface RaisedConcern {
  concernId: string;
  wordsNotKept?: string;
}

/** What `chat:send` answers: a blocked message comes back with the server's explanation for the child. */
export type ChatSendResult = ClientAckData['chat:send'];

export interface CallClientOptions {
  socket?: DeviceSocket;
  createMediaSession?: CreateMediaSession;
}

/**
 * One device's part in one live session, and the state the screens render.
 * React talks to it through `useCallClient`; nothing else in the app touches
 * sockets or mediasoup. It composes the pieces: the join (call-join), what we
 * receive (the RemoteRoom the observer view shares), what we send
 * (CallPublisher) and keeping the call through a bad network (CallReconnect).
 *
 * Every join (first or automatic) bumps `generation`; async work started for an
 * older generation checks it and drops its result, so a slow reply from a
 * torn-down attempt can never resurrect stale media.
 */
/** What the targets panel may do in the call (see `CallClient.targets`). */
export interface CallTargetsChannel {
  list(): Promise<ClientAckData['targets:list']>;
  add(target: ClientPayload<'targets:add'>): Promise<ClientAckData['targets:add']>;
  review(review: ClientPayload<'targets:review'>): Promise<ClientAckData['targets:review']>;
  onChanged(listener: (push: TargetChanged) => void): () => void;
}

export class CallClient {
  private readonly socket: DeviceSocket;
  private readonly store = new StateStore<CallState>(initialCallState);
  private readonly room: RemoteRoom;
  private readonly publisher: CallPublisher;
  private readonly reconnect: CallReconnect;
  private readonly preload: DevicePreload;
  private readonly createMediaSession: CreateMediaSession;
  private params: JoinParams | null = null;
  private media: MediaSession | null = null;
  private cameraKeeper: CameraKeeper | null = null;
  private generation = 0;
  private disposed = false;

  constructor(deviceToken: string, options: CallClientOptions = {}) {
    this.socket = options.socket ?? createDeviceSocket(deviceToken);
    this.createMediaSession = options.createMediaSession ?? ((...args) => MediaSession.create(...args));
    this.preload = new DevicePreload(this.socket);
    this.room = new RemoteRoom(this.socket, () => this.state.phase !== 'idle' && this.state.phase !== 'ended');
    this.followRoom();
    this.publisher = new CallPublisher(this.socket, this.store);
    this.reconnect = new CallReconnect({
      socket: this.socket,
      store: this.store,
      teardownMedia: () => this.teardownMedia(),
      hasMedia: () => this.media !== null,
      signalAvailable: () => this.media?.signalAvailable(),
      establish: () => this.establish(),
      isLive: () => this.room.isLive,
      isDisposed: () => this.disposed,
      finish: (end) => this.finish(end),
    });
    this.socket.on('session:ended', ({ reason, message }) => this.onSessionEnded(reason, message));
    this.socket.on('peer:reconnecting', ({ participantId }) => this.onPartnerConnection(participantId, 'lost'));
    this.socket.on('peer:reconnected', ({ participantId }) => this.onPartnerConnection(participantId, 'back'));
    this.socket.on('media:video-paused-for-bandwidth', ({ paused }) => {
      if (isJoined(this.state.phase)) this.store.update({ videoPausedForBandwidth: paused });
    });
  }

  get state(): CallState {
    return this.store.state;
  }

  /** For `useSyncExternalStore`; stable identity. */
  readonly subscribe = (listener: (state: CallState) => void): (() => void) => this.store.subscribe(listener);

  /** Opens the socket early, so the handshake is done before the user taps Join. */
  connect(): void {
    if (!this.disposed && !this.socket.active) this.socket.connect();
    void this.preload.get();
  }

  /** The pre-join network check on this client's socket; `signal` stops it when Join is tapped. */
  checkNetwork(signal?: AbortSignal): Promise<NetworkCheckResult> {
    return runNetworkCheck(this.socket, { preloaded: this.preload.get(), ...(signal ? { signal } : {}) });
  }

  /**
   * Joins the session. Resolves once the transports are ready and the partner
   * known; the call screen shows once the partner's tracks are received, and
   * their media and our own publishing continue in the background. Rejects with a PeerbridgeError whose message is for the user,
   * and returns to `idle` so pre-join can show it.
   */
  async join(params: JoinParams): Promise<void> {
    if (this.disposed) throw PeerbridgeError.unexpected(new Error('CallClient disposed'));
    if (this.state.phase !== 'idle') throw new PeerbridgeError('conflict', 'Already joining this session.');
    this.params = params;
    applyTrackEnabled(params.stream, 'audio', this.state.micEnabled);
    applyTrackEnabled(params.stream, 'video', this.state.cameraEnabled);
    this.store.update({ phase: 'joining', end: null, notice: null, partner: null, remote: noRemoteMedia });
    this.keepCamera(params.stream);
    try {
      await this.establish();
    } catch (error) {
      this.teardownMedia();
      this.stopKeepingCamera();
      this.params = null;
      // Read from the store: the phase changed since the check above, which TypeScript can't see.
      if (this.store.state.phase === 'joining') this.store.update({ phase: 'idle' });
      throw describeJoinFailure(error);
    }
  }

  setMicrophoneEnabled(enabled: boolean): Promise<void> {
    return this.publisher.setEnabled('audio', enabled, this.media, this.params?.stream ?? null);
  }

  setCameraEnabled(enabled: boolean): Promise<void> {
    return this.publisher.setEnabled('video', enabled, this.media, this.params?.stream ?? null);
  }

  /**
   * Sends a chat message. Resolves with the server's verdict: a blocked message
   * (contact details) was not sent and comes back with an explanation for the
   * child. Only a delivered message joins the chat, because the server does
   * not echo our own messages back. Rejects when the server could not be asked.
   */
  async sendChat(text: string): Promise<ChatSendResult> {
    const body = sendableText(text);
    if (!body) throw new PeerbridgeError('bad_request', 'Write a message first (500 characters at most).');
    this.assertCanTellServer('send messages');
    const result = await request(this.socket, 'chat:send', { text: body });
    if (result.delivered) this.room.addOwnMessage(body, now().toISOString());
    return result;
  }

  /**
   * The "I'm worried" button: raises a concern to the safeguarding leads of
   * both children's schools. Without words it is the one-tap report; words
   * typed afterwards name that concern (`concernId`) and are added to it, so
   * one press is one concern. Rejects, so the child can be told and try again.
   * Resolves with `wordsNotKept` when the words could not be kept.
   */
  async raiseConcern(text?: string, concernId?: string): Promise<RaisedConcern> {
    const words = text?.trim();
    this.assertCanTellServer('send this');
    const payload = { ...(words ? { text: words } : {}), ...(concernId ? { concernId } : {}) };
    const { concernId: raised, wordsNotKept } = await request(this.socket, 'concern:raise', payload);
    return wordsNotKept ? { concernId: raised, wordsNotKept } : { concernId: raised };
  }

  /**
   * The pair's targets in the call, for the targets panel (loaded lazily once the call is up, never on the
   * join's path). Only the mentor's add and review are accepted by the server.
   */
  targets(): CallTargetsChannel {
    const socket = this.socket;
    return {
      list: () => request(socket, 'targets:list', {}),
      add: (target) => request(socket, 'targets:add', target),
      review: (review) => request(socket, 'targets:review', review),
      onChanged: (listener) => {
        socket.on('targets:changed', listener);
        return () => void socket.off('targets:changed', listener);
      },
    };
  }

  /** Pre-join: whether the partner is in the call already; asked with this student's join token. */
  async partnerHere(ask: { sessionId: string; studentId: string; joinToken: string }): Promise<boolean> {
    const { partnerHere } = await request(this.socket, 'session:presence', ask);
    return partnerHere;
  }

  /** Stops sending at once, tells the server (briefly), and ends the call as `left`. */
  async leave(): Promise<void> {
    if (this.disposed) return;
    const phase = this.state.phase;
    const wasInSession = this.room.isLive || phase === 'joining' || phase === 'reconnecting';
    this.teardownMedia();
    this.stopKeepingCamera();
    this.reconnect.stop();
    this.params = null;
    // Tapped Leave: no "Rejoin" offer on this iPad (the server revokes the grant too).
    clearRejoin();
    this.store.update({ phase: 'ended', end: { reason: 'left', message: '' }, remote: noRemoteMedia, notice: null });
    if (wasInSession && this.socket.connected) await leaveRoom(this.socket);
  }

  /** Releases everything. The server treats the socket closing as leaving. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.teardownMedia();
    this.stopKeepingCamera();
    this.reconnect.stop();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.store.close();
  }

  // ---- pieces ------------------------------------------------------------

  /** Brings the camera back after the iPad app was in the background (see CameraKeeper). */
  private keepCamera(stream: MediaStream): void {
    this.stopKeepingCamera();
    if (typeof document === 'undefined') return;
    this.cameraKeeper = new CameraKeeper({
      page: document,
      stream: () => (this.params?.stream === stream ? stream : null),
      producer: () => this.media?.producer('video'),
      cameraWanted: () => this.state.cameraEnabled,
      newCameraTrack: reacquireCamera,
      tellPaused: (producerId, paused) => this.publisher.tellBackgroundPause(producerId, paused),
      onRestoreFailed: () => this.store.update({ notice: 'Your camera stopped. Leave and join again to restart it.' }),
    });
  }

  private stopKeepingCamera(): void {
    this.cameraKeeper?.stop();
    this.cameraKeeper = null;
  }

  /**
   * Without a socket, socket.io would buffer the event and send it after a
   * reconnect, long after we had told the child it failed; say so at once instead.
   */
  private assertCanTellServer(what: string): void {
    if (!this.socket.connected) throw PeerbridgeError.network();
    if (!this.room.isLive) {
      throw new PeerbridgeError('not_joined', `We can't ${what} until the call is back. Try again in a moment.`);
    }
  }

  private async establish(): Promise<void> {
    const params = this.params;
    if (!params) throw PeerbridgeError.unexpected(new Error('join without params'));
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    const automatic = this.state.phase === 'reconnecting';
    this.room.begin();
    const result = await negotiateJoin({
      socket: this.socket,
      params,
      preload: this.preload,
      createMediaSession: this.createMediaSession,
      isCurrent,
      onMediaFailed: () => {
        if (isCurrent()) this.reconnect.recover('local');
      },
      onIceRestart: () => this.store.update({ iceRestarts: this.state.iceRestarts + 1 }),
    });
    if (!result) return;
    const { joined, media } = result;
    this.media = media;
    // Every join (first or automatic) gives a fresh grant: kept for the device page's "Rejoin" after a reload.
    if (joined.rejoinGrant) storeRejoin({ sessionId: params.sessionId, studentId: params.studentId, rejoinGrant: joined.rejoinGrant });
    if (automatic) this.store.update({ rejoins: this.state.rejoins + 1 });
    const partner = joined.peers.find((peer) => peer.participantId !== joined.participantId) ?? null;
    // Receiving first: the partner's face is what the child is waiting for. On a tapped join the call
    // screen (which the phase change mounts) renders once their tracks' SDP is done, so it draws while
    // ICE and DTLS run instead of holding up the SDP; pushes held meanwhile still apply after the phase.
    // An automatic rejoin goes live at once, as CallReconnect expects when `establish` resolves.
    this.room.enter(
      { ...joined, selfId: joined.participantId, media },
      () => this.store.update({ phase: partner ? 'connected' : 'waiting', partner, notice: null }),
      { liveAfterReceiving: !automatic },
    );
    // Our own tracks go once the partner's are connected (or RECEIVE_FIRST_MS on): started together,
    // the send side's SDP, encoders and DTLS handshake competed with the receive side's for the iPad's
    // CPU, and the partner's first frame came about 90 ms later (bench/join-vs-bare.sh). The partner
    // hears us that much later instead; with nothing to receive yet, we send at once.
    const receiving = joined.consumers.length > 0 ? media.receiveSettled(RECEIVE_FIRST_MS) : Promise.resolve();
    void receiving.then(() => {
      if (isCurrent()) return this.publisher.publish(media, params.stream, isCurrent);
    });
  }

  /** The room's changes, in the call's terms: one partner, a phase, the notice when their media fails. */
  private followRoom(): void {
    const room = this.room;
    room.on('change', (what) => {
      if (what === 'media') this.store.update({ remote: room.allMedia() });
      else if (what === 'observers') this.store.update({ observers: room.observers });
      else if (what === 'chat') this.store.update({ chat: room.chat });
    });
    room.on('peerJoined', (peer) =>
      this.store.update({ partner: peer, ...(isJoined(this.state.phase) ? { phase: 'connected' as const } : {}) }),
    );
    room.on('peerLeft', (participantId) => {
      // Keep `partner` so the screen can still say who left.
      if (this.state.partner?.participantId === participantId && isJoined(this.state.phase)) {
        const stillReconnecting = this.state.notice?.endsWith(' is reconnecting…');
        this.store.update({ phase: 'partner-left', ...(stillReconnecting ? { notice: null } : {}) });
      }
    });
    room.on('receiveFailed', (info) => {
      const name = this.state.partner?.firstName ?? 'your partner';
      const what = info.kind === 'audio' ? 'sound' : 'video';
      this.store.update({ notice: `We couldn't receive ${name}'s ${what}. Try leaving and joining again.` });
    });
  }

  private onSessionEnded(reason: SessionEndReason, message: string): void {
    const phase = this.state.phase;
    if (phase === 'idle' || phase === 'ended') return;
    if (reason === 'media_lost') this.reconnect.recover('server');
    // A restart: the join token stays valid, so we come back by ourselves once the server is up.
    else if (reason === 'server_shutdown') this.reconnect.serverRestarting();
    else this.finish({ reason, message });
  }

  /** "Sam is reconnecting…" while the server keeps the partner's place; cleared when they are back. */
  private onPartnerConnection(participantId: string, how: 'lost' | 'back'): void {
    const partner = this.state.partner;
    if (!partner || partner.participantId !== participantId || !isJoined(this.state.phase)) return;
    const notice = `${partner.firstName} is reconnecting…`;
    if (how === 'lost') this.store.update({ notice });
    else if (this.state.notice === notice) this.store.update({ notice: null });
  }

  private finish(end: CallEnd): void {
    clearRejoin();
    this.teardownMedia();
    this.stopKeepingCamera();
    this.reconnect.stop();
    this.params = null;
    this.store.update({ phase: 'ended', end, remote: noRemoteMedia, notice: null });
    // Terminal: stop socket.io reconnecting (a replaced device must not bounce back in).
    this.socket.disconnect();
  }

  private teardownMedia(): void {
    this.generation++;
    // A new join starts with video flowing; the server says again if it has to pause it.
    if (this.store.state.videoPausedForBandwidth) this.store.update({ videoPausedForBandwidth: false });
    this.room.reset();
    this.media?.close();
    this.media = null;
  }
}
