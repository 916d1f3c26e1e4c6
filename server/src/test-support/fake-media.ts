import type { MediaKind, TransportDescription } from '@peerbridge/shared';
import type { BandwidthReading, ConsumerDescription, MediaHealth, MediaPeer, MediaPort, MediaProbe, MediaRoom } from '../media/media-port.js';

/**
 * An in-memory MediaPort for unit tests of call logic. It keeps the same
 * ownership rules as the real adapter but moves no media; the real adapter is
 * exercised by the integration and browser tests.
 */
export class FakeMedia implements MediaPort {
  readonly rooms = new Map<string, FakeRoom>();
  private readonly lostListeners: ((roomId: string) => void)[] = [];
  private counter = 0;

  nextId(prefix: string): string {
    return `${prefix}-${++this.counter}`;
  }

  routerRtpCapabilities(): unknown {
    return { codecs: [] };
  }

  async openRoom(roomId: string): Promise<MediaRoom> {
    const existing = this.rooms.get(roomId);
    if (existing && !existing.closed) return existing;
    const room = new FakeRoom(roomId, this);
    this.rooms.set(roomId, room);
    return room;
  }

  /** Every probe opened, open or closed, so tests can check none is left behind. */
  readonly probes: FakeProbe[] = [];

  async openProbe(): Promise<MediaProbe> {
    const probe = new FakeProbe(this.nextId('probe'));
    this.probes.push(probe);
    return probe;
  }

  health(): MediaHealth {
    return { workersAlive: 1, workersExpected: 1 };
  }

  onRoomLost(listener: (roomId: string) => void): void {
    this.lostListeners.push(listener);
  }

  /** Simulates a worker crash taking a room with it. */
  loseRoom(roomId: string): void {
    this.rooms.get(roomId)?.close();
    for (const listener of this.lostListeners) listener(roomId);
  }

  async close(): Promise<void> {
    for (const room of this.rooms.values()) room.close();
  }
}

class FakeRoom implements MediaRoom {
  closed = false;
  readonly peers = new Map<string, FakePeer>();
  readonly rtpCapabilities = { codecs: [] };

  constructor(
    readonly id: string,
    private readonly media: FakeMedia,
  ) {}

  addPeer(peerId: string): MediaPeer {
    this.peers.get(peerId)?.close();
    const peer = new FakePeer(this.media);
    this.peers.set(peerId, peer);
    return peer;
  }

  close(): void {
    for (const peer of this.peers.values()) peer.close();
    this.closed = true;
  }
}

export class FakePeer implements MediaPeer {
  closed = false;
  /** Audio first: whether this peer's incoming video is held back, and each change asked for. */
  videoHeld = false;
  readonly videoHeldChanges: boolean[] = [];
  private readonly bandwidthListeners: ((reading: BandwidthReading) => void)[] = [];
  private consumedVideo = 0;
  private readonly transports = new Map<string, 'send' | 'recv'>();
  private readonly producers = new Map<string, { kind: MediaKind; paused: boolean }>();

  constructor(private readonly media: FakeMedia) {}

  async createTransport(direction: 'send' | 'recv'): Promise<TransportDescription> {
    const id = this.media.nextId(direction);
    this.transports.set(id, direction);
    return { id, iceParameters: {}, iceCandidates: [], dtlsParameters: {} };
  }

  async connectTransport(transportId: string): Promise<void> {
    if (!this.transports.has(transportId)) throw new Error('unknown transport');
  }

  async restartIce(transportId: string): Promise<{ iceParameters: Record<string, unknown> }> {
    if (!this.transports.has(transportId)) throw new Error('unknown transport');
    return { iceParameters: { usernameFragment: this.media.nextId('ufrag'), password: 'fake', iceLite: true } };
  }

  async produce(transportId: string, kind: MediaKind): Promise<{ producerId: string }> {
    if (this.transports.get(transportId) !== 'send') throw new Error('not a send transport');
    const producerId = this.media.nextId(`producer-${kind}`);
    this.producers.set(producerId, { kind, paused: false });
    return { producerId };
  }

  /** Fake media always arrives the moment it is produced. */
  async whenMediaFlows(producerId: string): Promise<boolean> {
    return this.producers.has(producerId);
  }

  async consume(producerId: string): Promise<ConsumerDescription> {
    this.consumedVideo++;
    return { consumerId: this.media.nextId('consumer'), producerId, kind: 'video', rtpParameters: {}, producerPaused: false };
  }

  onBandwidth(listener: (reading: BandwidthReading) => void): void {
    this.bandwidthListeners.push(listener);
  }

  /** What the SFU's estimate of this peer's link would report. */
  reportBandwidth(bps: number, loss = 0, linkLimited = true): void {
    if (this.closed) return;
    for (const listener of this.bandwidthListeners) listener({ availableBps: bps, loss, linkLimited });
  }

  async setVideoHeldForBandwidth(held: boolean): Promise<void> {
    if (held === this.videoHeld) return;
    this.videoHeld = held;
    this.videoHeldChanges.push(held);
  }

  receivesVideo(): boolean {
    return this.consumedVideo > 0;
  }

  async resumeConsumer(): Promise<void> {}

  async setProducerPaused(producerId: string, paused: boolean): Promise<void> {
    const producer = this.producers.get(producerId);
    if (producer) producer.paused = paused;
  }

  producerIds(): string[] {
    return [...this.producers.keys()];
  }

  close(): void {
    this.closed = true;
  }
}

export class FakeProbe implements MediaProbe {
  closed = false;
  connected = false;
  channels = 0;
  readonly rtpCapabilities = { codecs: [] };

  constructor(readonly id: string) {}

  get transport() {
    return { id: this.id, iceParameters: {}, iceCandidates: [], dtlsParameters: {}, sctpParameters: {} };
  }

  async connect(): Promise<void> {
    this.connected = true;
  }

  async produceData(): Promise<{ dataProducerId: string }> {
    this.channels += 1;
    return { dataProducerId: `${this.id}-data` };
  }

  async result(): Promise<{ bytesReceived: number; protocol: 'udp' | 'tcp' | null }> {
    return { bytesReceived: 0, protocol: this.connected ? 'udp' : null };
  }

  close(): void {
    this.closed = true;
  }
}
