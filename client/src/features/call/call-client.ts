import type { ConsumeResult } from '@peerbridge/shared';
import {
  ChatMessage,
  JoinResult,
  type ClientAckData,
  type MediaKind,
  type PeerInfo,
  type ProducerInfo,
  type SessionEndReason,
} from '@peerbridge/shared';
import { reportProblem } from '../../lib/diagnostics';
import { PeerbridgeError, toPeerbridgeError } from '../../lib/peerbridge-error';
import {
  connectErrorToPeerbridgeError,
  createDeviceSocket,
  request,
  waitForConnection,
  type DeviceSocket,
} from '../../lib/socket-client';
import { TypedEmitter } from '../../lib/typed-emitter';
import {
  endReasonForError,
  initialCallState,
  isJoined,
  noRemoteMedia,
  type CallEnd,
  type CallState,
} from './call-state';
import { sendableText, type ChatEntry } from './chat-log';
import { MediaSession, type LoadedDevice, type MediaSignalling } from './media-session';
import { withObserver, withoutObserver } from './observers';
import { receiveRemote } from './receive-remote';
import { RemoteProducers, type RemoteProducer } from './remote-producers';
import { now } from '../../lib/clock';

export interface JoinParams {
  sessionId: string;
  /** The student at this iPad's school who takes part. */
  studentId: string;
  /**
   * From the student's PIN sign-in. Reused by automatic rejoins: it stays
   * valid until the session ends, so a Wi-Fi blip never asks for the PIN again.
   */
  joinToken: string;
  /** Camera and microphone, owned by the screen; the client never stops them. */
  stream: MediaStream;
}

/**
 * The server refused the join token (it ran out, or belongs to another
 * session or iPad). Only a fresh PIN sign-in helps, so the screen goes back there.
 */
export class SignInRequiredError extends PeerbridgeError {
  constructor(message: string, cause?: unknown) {
    super('unauthenticated', message, { cause });
  }
}

export type CallClientEvents = {
  state: [CallState];
};

/** What `chat:send` answers: a blocked message comes back with the server's explanation for the child. */
export type ChatSendResult = ClientAckData['chat:send'];

/** How a join's media is built; tests pass a stand-in because there is no WebRTC in Node. */
export type CreateMediaSession = typeof MediaSession.create;

export interface CallClientOptions {
  socket?: DeviceSocket;
  createMediaSession?: CreateMediaSession;
}

/** Leaving must never hang the UI on a dead connection. */
const LEAVE_TIMEOUT_MS = 2_000;
/** After this long without the server, stop saying "Reconnecting…" and say what happened. */
const RECONNECT_GIVE_UP_MS = 60_000;
/** A second media loss this soon after an automatic rejoin means rejoining is not helping. */
const AUTO_REJOIN_WINDOW_MS = 60_000;

/**
 * One device's part in one live session: signalling over socket.io, media
 * through a MediaSession, and the state the screens render. React talks to it
 * through `useCallClient`; nothing else in the app touches sockets or mediasoup.
 *
 * Every join (first or automatic) bumps `generation`; async work started for an
 * older generation checks it and drops its result, so a slow reply from a
 * torn-down attempt can never resurrect stale media.
 */
export class CallClient {
  private readonly socket: DeviceSocket;
  private readonly events = new TypedEmitter<CallClientEvents>();
  private current: CallState = initialCallState;
  private params: JoinParams | null = null;
  private media: MediaSession | null = null;
  private participantId: string | null = null;
  private readonly remote = new RemoteProducers();
  private generation = 0;
  /** True once a join's media is set up; server pushes apply directly from then on. */
  private live = false;
  /** Pushes that arrive while a join is being set up, replayed once it is. */
  private deferred: Array<() => void> | null = null;
  private lastAutoRejoinAt = Number.NEGATIVE_INFINITY;
  private rejoinWhenConnected = false;
  private rejoinAttempt = 0;
  private giveUpTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  /** A Device loaded while pre-join shows; null until asked for, or after a failure (retried next time). */
  private devicePreload: Promise<LoadedDevice | null> | null = null;
  private readonly createMediaSession: CreateMediaSession;
  private chatSeq = 0;

  constructor(deviceToken: string, options: CallClientOptions = {}) {
    this.socket = options.socket ?? createDeviceSocket(deviceToken);
    this.createMediaSession = options.createMediaSession ?? ((...args) => MediaSession.create(...args));
    this.bindSocket();
  }

  get state(): CallState {
    return this.current;
  }

  /** For `useSyncExternalStore`; an arrow so its identity is stable. */
  readonly subscribe = (listener: (state: CallState) => void): (() => void) => this.events.on('state', listener);

  /** Opens the socket early, so the handshake is done before the user taps Join. */
  connect(): void {
    if (!this.disposed && !this.socket.active) this.socket.connect();
    void this.preloadDevice();
  }

  /**
   * Loads the media Device before Join is tapped, so the join can carry our
   * capabilities and the server prepares the partner's media in the same
   * round trip. Never rejects: without it, the join simply takes the longer way.
   */
  private preloadDevice(): Promise<LoadedDevice | null> {
    this.devicePreload ??= (async () => {
      try {
        await waitForConnection(this.socket);
        const { routerRtpCapabilities } = await request(this.socket, 'media:capabilities', {});
        return await MediaSession.loadDevice(routerRtpCapabilities);
      } catch (error) {
        reportProblem('could not prepare the media device early', error);
        this.devicePreload = null;
        return null;
      }
    })();
    return this.devicePreload;
  }

  /**
   * Joins the session. Resolves once the call screen can show (transports
   * ready, partner known); remote media and our own publishing continue in the
   * background. Rejects with a PeerbridgeError whose message is for the user,
   * and returns to `idle` so pre-join can show it.
   */
  async join(params: JoinParams): Promise<void> {
    if (this.disposed) throw PeerbridgeError.unexpected(new Error('CallClient disposed'));
    if (this.current.phase !== 'idle') throw new PeerbridgeError('conflict', 'Already joining this session.');
    this.params = params;
    this.applyTrackEnabled('audio', this.current.micEnabled);
    this.applyTrackEnabled('video', this.current.cameraEnabled);
    this.update({ phase: 'joining', end: null, notice: null, partner: null, remote: noRemoteMedia });
    try {
      await this.establish();
    } catch (error) {
      this.teardownMedia();
      this.params = null;
      // Via the getter: the phase changed since the check above, which TypeScript can't see.
      if (this.state.phase === 'joining') this.update({ phase: 'idle' });
      throw describeJoinFailure(error);
    }
  }

  setMicrophoneEnabled(enabled: boolean): Promise<void> {
    return this.setLocalEnabled('audio', enabled);
  }

  setCameraEnabled(enabled: boolean): Promise<void> {
    return this.setLocalEnabled('video', enabled);
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
    if (result.delivered) this.appendChat({ from: 'self', firstName: '', text: body, at: now().toISOString() });
    return result;
  }

  /**
   * The "I'm worried" button: raises a concern to the safeguarding leads of
   * both children's schools. Without words it is the one-tap report; with
   * words it is a second report carrying them (the server keeps each as its
   * own concern). Rejects, so the child can be told and try again. Resolves
   * with `wordsNotKept` when the concern went but the words could not be kept.
   */
  async raiseConcern(text?: string): Promise<{ wordsNotKept?: string }> {
    const words = text?.trim();
    this.assertCanTellServer('send this');
    const { wordsNotKept } = await request(this.socket, 'concern:raise', words ? { text: words } : {});
    return wordsNotKept ? { wordsNotKept } : {};
  }

  /**
   * Without a socket, socket.io would buffer the event and send it after a
   * reconnect, long after we had told the child it failed; say so at once instead.
   */
  private assertCanTellServer(what: string): void {
    if (!this.socket.connected) throw PeerbridgeError.network();
    if (!this.live) {
      throw new PeerbridgeError('not_joined', `We can't ${what} until the call is back. Try again in a moment.`);
    }
  }

  /** Stops sending at once, tells the server (briefly), and ends the call as `left`. */
  async leave(): Promise<void> {
    if (this.disposed) return;
    const wasInSession = this.live || this.current.phase === 'joining' || this.current.phase === 'reconnecting';
    this.teardownMedia();
    this.stopReconnecting();
    this.params = null;
    this.update({ phase: 'ended', end: { reason: 'left', message: '' }, remote: noRemoteMedia, notice: null });
    if (wasInSession && this.socket.connected) await this.sendLeave();
  }

  /** Releases everything. The server treats the socket closing as leaving. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.teardownMedia();
    this.stopReconnecting();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.events.removeAllListeners();
  }

  // ---- joining -----------------------------------------------------------

  private async establish(): Promise<void> {
    const params = this.params;
    if (!params) throw PeerbridgeError.unexpected(new Error('join without params'));
    const generation = ++this.generation;
    this.live = false;
    this.deferred = [];

    await waitForConnection(this.socket);
    const preloaded = await this.preloadDevice();
    if (generation !== this.generation) return;

    const ack = await request(this.socket, 'session:join', {
      sessionId: params.sessionId,
      studentId: params.studentId,
      joinToken: params.joinToken,
      ...(preloaded ? { rtpCapabilities: preloaded.device.rtpCapabilities } : {}),
    }).catch((error: unknown) => {
      // The device itself was accepted at the handshake, so "unauthenticated" here is about the join token.
      if (error instanceof PeerbridgeError && error.code === 'unauthenticated') {
        throw new SignInRequiredError(error.message, error);
      }
      throw error;
    });
    if (generation !== this.generation) return;
    const parsed = JoinResult.safeParse(ack);
    if (!parsed.success) {
      reportProblem('session:join ack broke the contract', parsed.error);
      void this.sendLeave();
      throw PeerbridgeError.unexpected(parsed.error);
    }
    const joined = parsed.data;

    let media: MediaSession;
    try {
      media = await this.createMediaSession(joined, this.signalling(), () => this.onMediaFailed(generation), preloaded);
    } catch (error) {
      // The server has us as joined; undo that so a retry is not refused as a duplicate.
      void this.sendLeave();
      throw error;
    }
    if (generation !== this.generation) {
      media.close();
      return;
    }

    this.media = media;
    this.participantId = joined.participantId;
    this.live = true;
    const partner = joined.peers.find((peer) => peer.participantId !== joined.participantId) ?? null;
    // Observers as of this join; a rejoin replaces the list, since who watches may have changed meanwhile.
    this.update({ phase: partner ? 'connected' : 'waiting', partner, notice: null, observers: joined.observers });

    // Receiving first: the partner's face is what the child is waiting for.
    const prepared = new Map(joined.consumers.map((c) => [c.producerId, c]));
    for (const producer of joined.producers) this.addRemoteProducer(producer, prepared.get(producer.producerId));
    const deferred = this.deferred ?? [];
    this.deferred = null;
    for (const run of deferred) run();

    void this.publishLocal(media, generation);
  }

  private signalling(): MediaSignalling {
    return {
      connectTransport: async (transportId, dtlsParameters) => {
        await request(this.socket, 'transport:connect', { transportId, dtlsParameters });
      },
      produce: async (transportId, kind, rtpParameters) => {
        const data = await request(this.socket, 'media:produce', { transportId, kind, rtpParameters });
        return data.producerId;
      },
    };
  }

  private async publishLocal(media: MediaSession, generation: number): Promise<void> {
    const tracks = this.params?.stream.getTracks() ?? [];
    // Audio first: if the Wi-Fi struggles, being heard matters more than being seen.
    const ordered = [...tracks].sort((a, b) => (a.kind === 'audio' ? -1 : b.kind === 'audio' ? 1 : 0));
    await Promise.all(ordered.map((track) => this.publishTrack(media, track, generation)));
  }

  private async publishTrack(media: MediaSession, track: MediaStreamTrack, generation: number): Promise<void> {
    const kind: MediaKind = track.kind === 'audio' ? 'audio' : 'video';
    const what = kind === 'audio' ? 'microphone' : 'camera';
    if (track.readyState === 'ended') {
      this.update({ notice: `Your ${what} has stopped. Leave and join again to restart it.` });
      return;
    }
    if (!media.canProduce(kind)) {
      this.update({ notice: `This device can't send ${kind === 'audio' ? 'sound' : 'video'} in this call.` });
      return;
    }
    try {
      const producer = await media.produce(track);
      if (generation !== this.generation) return;
      // The user may have muted while we were connecting; honour it.
      const enabled = kind === 'audio' ? this.current.micEnabled : this.current.cameraEnabled;
      if (!enabled) {
        producer.pause();
        await this.sendPaused(producer.id, true);
      }
    } catch (error) {
      if (generation !== this.generation) return;
      reportProblem(`could not send ${what}`, error);
      this.update({ notice: `We couldn't send your ${what}. Try leaving and joining again.` });
    }
  }

  // ---- remote media ------------------------------------------------------

  /** `prepared`: a consumer the server already made during the join, saving a round trip. */
  private addRemoteProducer(info: ProducerInfo, prepared?: ConsumeResult): void {
    const entry = this.remote.add(info, this.participantId);
    if (entry) void this.consume(entry, this.generation, prepared);
  }

  private async consume(entry: RemoteProducer, generation: number, prepared?: ConsumeResult): Promise<void> {
    const media = this.media;
    if (!media) return;
    const stillWanted = () => generation === this.generation && this.remote.isCurrent(entry);
    try {
      await receiveRemote({ socket: this.socket, media, entry, prepared, stillWanted, onTrack: () => this.publishRemote() });
    } catch (error) {
      if (!stillWanted()) return;
      reportProblem(`could not receive ${entry.info.kind}`, error);
      const name = this.current.partner?.firstName ?? 'your partner';
      const what = entry.info.kind === 'audio' ? 'sound' : 'video';
      this.update({ notice: `We couldn't receive ${name}'s ${what}. Try leaving and joining again.` });
    }
  }

  private removeRemoteProducer(producerId: string): void {
    if (!this.remote.delete(producerId)) return;
    this.media?.closeConsumer(producerId);
    this.publishRemote();
  }

  private publishRemote(): void {
    this.update({ remote: this.remote.snapshot() });
  }

  // ---- server pushes -----------------------------------------------------

  private bindSocket(): void {
    const socket = this.socket;
    socket.on('peer:joined', (peer) => this.whenLive(() => this.onPeerJoined(peer)));
    socket.on('peer:left', ({ participantId }) => this.whenLive(() => this.onPeerLeft(participantId)));
    socket.on('producer:added', (producer) => this.whenLive(() => this.addRemoteProducer(producer)));
    socket.on('producer:paused', ({ producerId, paused }) =>
      this.whenLive(() => {
        if (this.remote.setPaused(producerId, paused)) this.publishRemote();
      }),
    );
    socket.on('producer:closed', ({ producerId }) => this.whenLive(() => this.removeRemoteProducer(producerId)));
    socket.on('observer:joined', (observer) =>
      this.whenLive(() => this.update({ observers: withObserver(this.current.observers, observer) })),
    );
    socket.on('observer:left', ({ observerId }) =>
      this.whenLive(() => this.update({ observers: withoutObserver(this.current.observers, observerId) })),
    );
    socket.on('chat:message', (message) => this.onChatMessage(message));
    socket.on('session:ended', ({ reason, message }) => this.onSessionEnded(reason, message));
    socket.on('disconnect', (reason) => this.onDisconnect(reason));
    socket.on('connect', () => this.onConnect());
    socket.on('connect_error', (error) => this.onConnectError(error));
  }

  private whenLive(run: () => void): void {
    if (this.live) run();
    else this.deferred?.push(run);
  }

  private onPeerJoined(peer: PeerInfo): void {
    if (peer.participantId === this.participantId) return;
    this.update({ partner: peer, ...(isJoined(this.current.phase) ? { phase: 'connected' as const } : {}) });
  }

  private onPeerLeft(participantId: string): void {
    if (this.current.partner?.participantId !== participantId) return;
    for (const producerId of this.remote.producerIdsOf(participantId)) this.removeRemoteProducer(producerId);
    // Keep `partner` so the screen can still say who left.
    if (isJoined(this.current.phase)) this.update({ phase: 'partner-left' });
  }

  private onChatMessage(message: unknown): void {
    const parsed = ChatMessage.safeParse(message);
    if (!parsed.success) {
      reportProblem('chat:message broke the contract', parsed.error);
      return;
    }
    const phase = this.current.phase;
    if (phase === 'idle' || phase === 'ended') return;
    const { fromParticipantId, firstName, text, at } = parsed.data;
    this.appendChat({ from: fromParticipantId === this.participantId ? 'self' : 'partner', firstName, text, at });
  }

  private appendChat(entry: Omit<ChatEntry, 'id'>): void {
    this.update({ chat: [...this.current.chat, { id: `m${++this.chatSeq}`, ...entry }] });
  }

  private onSessionEnded(reason: SessionEndReason, message: string): void {
    const phase = this.current.phase;
    if (phase === 'idle' || phase === 'ended') return;
    if (reason === 'media_lost') {
      this.recover('server', message);
      return;
    }
    this.finish({ reason, message });
  }

  // ---- losing and regaining the connection -------------------------------

  private onMediaFailed(generation: number): void {
    if (generation !== this.generation) return;
    this.recover('local', 'The video connection was lost. Check the Wi-Fi, then go back and join again.');
  }

  /** Media broke but the session goes on: tear down and rejoin, once. */
  private recover(source: 'server' | 'local', message: string): void {
    if (!isJoined(this.current.phase)) return;
    // Monotonic: a wall-clock change must not open or close the window.
    const at = performance.now();
    if (at - this.lastAutoRejoinAt < AUTO_REJOIN_WINDOW_MS) {
      this.finish({ reason: 'media_lost', message });
      return;
    }
    this.lastAutoRejoinAt = at;
    this.teardownMedia();
    this.update({ phase: 'reconnecting', remote: noRemoteMedia });
    // Only we noticed (ICE failed): the server still has us joined, so leave first.
    void this.rejoin(source === 'local');
  }

  private async rejoin(leaveFirst: boolean): Promise<void> {
    if (!this.socket.connected) {
      this.rejoinWhenConnected = true;
      this.armGiveUp();
      return;
    }
    this.rejoinWhenConnected = false;
    const attempt = ++this.rejoinAttempt;
    try {
      if (leaveFirst) await this.sendLeave();
      await this.establish();
      if (this.live) this.stopReconnecting();
    } catch (error) {
      // A newer attempt (or leaving, or an end) has taken over; this failure is old news.
      if (attempt !== this.rejoinAttempt || this.current.phase !== 'reconnecting') return;
      const problem = toPeerbridgeError(error);
      if ((problem.code === 'timeout' || problem.code === 'network') && !this.socket.connected) {
        // The socket went down under us; the reconnect handler will try again.
        this.rejoinWhenConnected = true;
        this.armGiveUp();
        return;
      }
      this.finish({ reason: endReasonForError(problem.code), message: problem.message });
    }
  }

  private onDisconnect(reason: string): void {
    if (this.disposed || reason === 'io client disconnect') return;
    const phase = this.current.phase;
    if (isJoined(phase) || phase === 'reconnecting') {
      // The server dropped our transports with the socket; rebuild after reconnecting.
      this.teardownMedia();
      this.update({ phase: 'reconnecting', remote: noRemoteMedia });
      this.rejoinWhenConnected = true;
      this.armGiveUp();
    }
    // socket.io only retries by itself when the server did not close us on purpose.
    if (reason === 'io server disconnect' && phase !== 'ended') this.socket.connect();
  }

  private onConnect(): void {
    if (this.rejoinWhenConnected && this.current.phase === 'reconnecting') void this.rejoin(false);
  }

  private onConnectError(error: Error): void {
    // A refused handshake (e.g. this iPad was revoked) will not be retried; say so now.
    if (this.current.phase === 'reconnecting' && !this.socket.active) {
      this.finish({ reason: 'connection_lost', message: connectErrorToPeerbridgeError(error).message });
    }
  }

  private armGiveUp(): void {
    if (this.giveUpTimer) return;
    this.giveUpTimer = setTimeout(() => {
      this.giveUpTimer = null;
      if (this.current.phase !== 'reconnecting') return;
      this.finish({
        reason: 'connection_lost',
        message: "We couldn't reconnect to Peerbridge. Check the Wi-Fi, then go back and join again.",
      });
    }, RECONNECT_GIVE_UP_MS);
  }

  private stopReconnecting(): void {
    this.rejoinWhenConnected = false;
    this.rejoinAttempt++;
    if (this.giveUpTimer) clearTimeout(this.giveUpTimer);
    this.giveUpTimer = null;
  }

  // ---- local controls ----------------------------------------------------

  private async setLocalEnabled(kind: MediaKind, enabled: boolean): Promise<void> {
    this.update(kind === 'audio' ? { micEnabled: enabled } : { cameraEnabled: enabled });
    // Also on the track itself, so muting works even before (or without) a producer.
    this.applyTrackEnabled(kind, enabled);
    const producer = this.media?.producer(kind);
    if (!producer || producer.closed) return;
    if (enabled) producer.resume();
    else producer.pause();
    await this.sendPaused(producer.id, !enabled);
  }

  private applyTrackEnabled(kind: MediaKind, enabled: boolean): void {
    for (const track of this.params?.stream.getTracks() ?? []) {
      if (track.kind === kind) track.enabled = enabled;
    }
  }

  private async sendPaused(producerId: string, paused: boolean): Promise<void> {
    try {
      await request(this.socket, 'media:set-paused', { producerId, paused });
    } catch (error) {
      // Locally paused already, so privacy holds; the partner's indicator may lag.
      reportProblem('media:set-paused failed', error);
    }
  }

  // ---- plumbing ----------------------------------------------------------

  private finish(end: CallEnd): void {
    this.teardownMedia();
    this.stopReconnecting();
    this.params = null;
    this.update({ phase: 'ended', end, remote: noRemoteMedia, notice: null });
    // Terminal: stop socket.io reconnecting (a replaced device must not bounce back in).
    this.socket.disconnect();
  }

  private teardownMedia(): void {
    this.generation++;
    this.live = false;
    this.deferred = null;
    this.media?.close();
    this.media = null;
    this.remote.clear();
  }

  private sendLeave(): Promise<void> {
    return request(this.socket, 'session:leave', {}, LEAVE_TIMEOUT_MS).then(
      () => undefined,
      () => undefined,
    );
  }

  private update(patch: Partial<CallState>): void {
    if (this.disposed) return;
    this.current = { ...this.current, ...patch };
    this.events.emit('state', this.current);
  }
}

/** Server refusals pass through; anything else is logged in full and explained simply. */
function describeJoinFailure(error: unknown): PeerbridgeError {
  if (error instanceof PeerbridgeError) return error;
  reportProblem('join failed', error);
  // mediasoup-client's name for "this browser cannot do WebRTC the way we need".
  if (error instanceof Error && error.name === 'UnsupportedError') {
    return new PeerbridgeError(
      'unavailable',
      "This browser can't make Peerbridge calls. Use Safari on an iPad, or Chrome or Edge on a laptop.",
      { cause: error },
    );
  }
  return toPeerbridgeError(error);
}
