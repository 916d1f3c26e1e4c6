import {
  ChatMessage,
  type ConsumeResult,
  type ObserverInfo,
  type PeerInfo,
  type ProducerInfo,
} from '@peerbridge/shared';
import { reportProblem } from '../diagnostics';
import { request, type PeerbridgeSocket } from '../socket-client';
import { TypedEmitter } from '../typed-emitter';
import { withObserver, withoutObserver } from './observers';
import { receiveRemote, type ReceivingMedia } from './receive-remote';
import { RemoteProducers, type RemoteMedia, type RemoteProducer } from './remote-producers';

/** One line of a call's chat as a screen shows it. */
export interface ChatEntry {
  /** Local and unique within one room: React's key. */
  id: string;
  /** `self` only in a student's own call; an observer sends nothing, so to them every line is someone else's. */
  from: 'self' | 'partner';
  firstName: string;
  text: string;
  /** ISO instant: the server's for others' messages, this device's clock for our own. */
  at: string;
}

/** Which part of the room changed, so the screen's state is patched where it moved. */
export type RoomChange = 'peers' | 'media' | 'observers' | 'chat';

export type RemoteRoomEvents = {
  change: [RoomChange];
  peerJoined: [PeerInfo];
  peerLeft: [participantId: string];
  /** A producer could not be received; the screen words it (it knows whose it was to them). */
  receiveFailed: [ProducerInfo];
};

/** What the server said at the join: who is there, what they send, who watches. */
export interface RoomEntry {
  /** Our own participant id (a student's call); null for staff observing, who are no participant. */
  selfId: string | null;
  media: ReceivingMedia;
  peers: readonly PeerInfo[];
  producers: readonly ProducerInfo[];
  /** Consumers the server prepared during the join, saving a round trip each. */
  consumers: readonly ConsumeResult[];
  observers: readonly ObserverInfo[];
}

/**
 * The receive path a student's call and a member of staff's watch share: the
 * room's pushes (people, producers, observers, chat), the other people's
 * media consumed as they appear, and the bookkeeping behind what the screen
 * shows. The owner keeps its own socket events (ending, reconnecting) and its
 * own media session; it tells the room when a join starts (`begin`), when the
 * media is ready (`enter`) and when it is torn down (`reset`).
 *
 * Pushes that arrive while a join is being set up are held and replayed once
 * it is, in order; outside a join they are dropped. Every `begin` and `reset`
 * starts a new epoch, and consuming that an older epoch started drops its
 * result, so a slow reply from a torn-down join never resurrects stale media.
 */
export class RemoteRoom {
  private readonly events = new TypedEmitter<RemoteRoomEvents>();
  private readonly remote = new RemoteProducers();
  private readonly peerMap = new Map<string, PeerInfo>();
  private currentObservers: ObserverInfo[] = [];
  private currentChat: ChatEntry[] = [];
  private stage: 'closed' | 'joining' | 'live' = 'closed';
  private deferred: Array<() => void> = [];
  private receiving: ReceivingMedia | null = null;
  private selfId: string | null = null;
  private epoch = 0;
  private chatSeq = 0;

  /** `acceptsChat`: the owner decides when chat counts (a call keeps it through a reconnect, not after the end). */
  constructor(
    private readonly socket: PeerbridgeSocket,
    private readonly acceptsChat: () => boolean,
  ) {
    this.bindSocket();
  }

  on = <K extends keyof RemoteRoomEvents>(event: K, listener: (...args: RemoteRoomEvents[K]) => void) =>
    this.events.on(event, listener);

  /** True once a join's media is set up: pushes apply directly, and the server can be asked things. */
  get isLive(): boolean {
    return this.stage === 'live';
  }

  get observers(): ObserverInfo[] {
    return this.currentObservers;
  }

  /** The chat, oldest first. Kept across rejoins: it is the same session. */
  get chat(): ChatEntry[] {
    return this.currentChat;
  }

  /** The people in the room other than us. */
  get peers(): PeerInfo[] {
    return [...this.peerMap.values()];
  }

  peer(participantId: string): PeerInfo | undefined {
    return this.peerMap.get(participantId);
  }

  /** Everyone's media as one (a student's call has one partner: the newest audio and video win). */
  allMedia(): RemoteMedia {
    return this.remote.snapshot();
  }

  /** One person's media, for a screen that shows several. */
  mediaOf(participantId: string): RemoteMedia {
    return this.remote.snapshotOf(participantId);
  }

  /** A join is being set up: hold pushes until `enter`. */
  begin(): void {
    this.reset();
    this.stage = 'joining';
  }

  /**
   * The join's media is ready: take in who is there, receive what they send, then replay what was held.
   * `beforeReplay` runs once receiving has started and before the held pushes (the owner's own state for the join).
   * With `liveAfterReceiving`, the room goes live (the owner told, the held pushes replayed) only once each of
   * the join's tracks is received (its SDP done) or has failed: the re-render that follows then shares the
   * browser with ICE and DTLS, which need the page little, instead of with the SDP the first frame waits for.
   */
  enter(entry: RoomEntry, beforeReplay?: () => void, options: { liveAfterReceiving?: boolean } = {}): void {
    this.receiving = entry.media;
    this.selfId = entry.selfId;
    this.peerMap.clear();
    for (const peer of entry.peers) if (peer.participantId !== entry.selfId) this.peerMap.set(peer.participantId, peer);
    // Observers as of this join; a rejoin replaces the list, since who watches may have changed meanwhile.
    this.currentObservers = [...entry.observers];
    // Receiving starts before anyone is told of the change: their re-render then waits behind the
    // media's first step instead of in front of it.
    const prepared = new Map(entry.consumers.map((c) => [c.producerId, c]));
    const epoch = this.epoch;
    const received = entry.producers.map((producer) => this.addProducer(producer, prepared.get(producer.producerId), epoch));
    const goLive = () => {
      // Reset or begun again meanwhile: that join's room is not this one.
      if (epoch !== this.epoch) return;
      this.stage = 'live';
      this.events.emit('change', 'peers');
      this.events.emit('change', 'observers');
      beforeReplay?.();
      const held = this.deferred;
      this.deferred = [];
      for (const run of held) run();
    };
    if (options.liveAfterReceiving && received.length > 0) void Promise.all(received).then(goLive);
    else goLive();
  }

  /** The media is gone (left, ended, about to rejoin): forget it, drop pushes until the next `begin`. */
  reset(): void {
    this.epoch++;
    this.stage = 'closed';
    this.deferred = [];
    this.receiving = null;
    this.remote.clear();
    this.peerMap.clear();
  }

  /** Our own delivered message: the server never echoes it back. */
  addOwnMessage(text: string, at: string): void {
    this.appendChat({ from: 'self', firstName: '', text, at });
  }

  // ---- server pushes -----------------------------------------------------

  private bindSocket(): void {
    const socket = this.socket;
    socket.on('peer:joined', (peer) => this.whenLive(() => this.onPeerJoined(peer)));
    socket.on('peer:left', ({ participantId }) => this.whenLive(() => this.onPeerLeft(participantId)));
    socket.on('producer:added', (producer) => this.whenLive(() => void this.addProducer(producer)));
    socket.on('producer:paused', ({ producerId, paused, reason }) =>
      this.whenLive(() => {
        if (this.remote.setPaused(producerId, paused, reason)) this.events.emit('change', 'media');
      }),
    );
    socket.on('producer:closed', ({ producerId }) => this.whenLive(() => this.removeProducer(producerId)));
    socket.on('observer:joined', (observer) =>
      this.whenLive(() => this.setObservers(withObserver(this.currentObservers, observer))),
    );
    socket.on('observer:left', ({ observerId }) =>
      this.whenLive(() => this.setObservers(withoutObserver(this.currentObservers, observerId))),
    );
    socket.on('chat:message', (message) => this.onChatMessage(message));
  }

  private whenLive(run: () => void): void {
    if (this.stage === 'live') run();
    else if (this.stage === 'joining') this.deferred.push(run);
  }

  private onPeerJoined(peer: PeerInfo): void {
    if (peer.participantId === this.selfId) return;
    this.peerMap.set(peer.participantId, peer);
    this.events.emit('peerJoined', peer);
    this.events.emit('change', 'peers');
  }

  private onPeerLeft(participantId: string): void {
    for (const producerId of this.remote.producerIdsOf(participantId)) this.removeProducer(producerId);
    this.peerMap.delete(participantId);
    this.events.emit('peerLeft', participantId);
    this.events.emit('change', 'peers');
  }

  private setObservers(observers: ObserverInfo[]): void {
    this.currentObservers = observers;
    this.events.emit('change', 'observers');
  }

  private onChatMessage(message: unknown): void {
    const parsed = ChatMessage.safeParse(message);
    if (!parsed.success) {
      reportProblem('chat:message broke the contract', parsed.error);
      return;
    }
    if (!this.acceptsChat()) return;
    const { fromParticipantId, firstName, text, at } = parsed.data;
    this.appendChat({ from: fromParticipantId === this.selfId ? 'self' : 'partner', firstName, text, at });
  }

  private appendChat(entry: Omit<ChatEntry, 'id'>): void {
    this.currentChat = [...this.currentChat, { id: `m${++this.chatSeq}`, ...entry }];
    this.events.emit('change', 'chat');
  }

  // ---- media -------------------------------------------------------------

  /** Resolves once the producer's track is here (before its resume request) or receiving it has ended; never rejects. */
  private addProducer(info: ProducerInfo, prepared?: ConsumeResult, epoch = this.epoch): Promise<void> {
    const entry = this.remote.add(info, this.selfId);
    if (!entry) return Promise.resolve();
    return new Promise((trackHere) => void this.consume(entry, prepared, epoch, trackHere).finally(trackHere));
  }

  private async consume(entry: RemoteProducer, prepared: ConsumeResult | undefined, epoch: number, trackHere: () => void): Promise<void> {
    const media = this.receiving;
    if (!media) return;
    const stillWanted = () => epoch === this.epoch && this.remote.isCurrent(entry);
    try {
      await receiveRemote({
        socket: this.socket,
        media,
        entry,
        prepared,
        stillWanted,
        onTrack: () => {
          this.events.emit('change', 'media');
          trackHere();
        },
      });
    } catch (error) {
      if (!stillWanted()) return;
      reportProblem(`could not receive ${entry.info.kind}`, error);
      this.events.emit('receiveFailed', entry.info);
    }
  }

  private removeProducer(producerId: string): void {
    if (!this.remote.delete(producerId)) return;
    this.receiving?.closeConsumer(producerId);
    this.events.emit('change', 'media');
  }
}

/** Leaving must never hang the screen on a dead connection. */
const LEAVE_TIMEOUT_MS = 2_000;

/** Tells the server we are going, briefly; never rejects (the socket closing says it too). */
export function leaveRoom(socket: PeerbridgeSocket): Promise<void> {
  return request(socket, 'session:leave', {}, LEAVE_TIMEOUT_MS).then(
    () => undefined,
    () => undefined,
  );
}
