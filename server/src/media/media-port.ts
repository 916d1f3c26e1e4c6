import type { MediaKind, TransportDescription } from '@peerbridge/shared';

/*
 * The call logic's view of the SFU. Only this folder knows mediasoup; the
 * rest of the server deals in rooms, peers and opaque string ids, so the
 * media engine can be upgraded or replaced by touching one folder.
 */

export interface ConsumerDescription {
  consumerId: string;
  producerId: string;
  kind: MediaKind;
  rtpParameters: unknown;
  producerPaused: boolean;
}

export interface BandwidthReading {
  availableBps: number;
  loss: number;
  /** Whether this link, not the sender, is what keeps the peer's incoming video below what is offered (true when it cannot be told). */
  linkLimited: boolean;
}

export interface MediaPeer {
  createTransport(direction: 'send' | 'recv'): Promise<TransportDescription>;
  connectTransport(transportId: string, dtlsParameters: unknown): Promise<void>;
  /** New ICE credentials for one of this peer's own transports; the device restarts ICE with them. */
  restartIce(transportId: string): Promise<{ iceParameters: Record<string, unknown> }>;
  produce(transportId: string, kind: MediaKind, rtpParameters: unknown): Promise<{ producerId: string }>;
  /** Creates a paused consumer on this peer's receiving transport; the client resumes it when ready. */
  consume(producerId: string, rtpCapabilities: unknown): Promise<ConsumerDescription>;
  /** The client is ready for this consumer; a video consumer held back for bandwidth stays paused until video is let through again. */
  resumeConsumer(consumerId: string): Promise<void>;
  /**
   * The estimated bandwidth (bits per second) of the link the server sends this
   * peer's media down, as the SFU reads it (about once a second while media flows),
   * with the share of packets (0–1) the peer last reported lost on it.
   */
  onBandwidth(listener: (reading: BandwidthReading) => void): void;
  /**
   * Audio first: hold back (or let through again) every video stream this peer
   * receives, keeping its audio. Video let through starts at the lowest layer;
   * `lowestLayerOnly` keeps it there whatever the estimate reads (a trial of that
   * layer), until video is let through for good.
   */
  setVideoHeldForBandwidth(held: boolean, options?: { lowestLayerOnly?: boolean }): Promise<void>;
  /** Whether any video is meant to reach this peer now (resumed by it, its sender's camera on): only then does its bandwidth say anything about video. */
  receivesVideo(): boolean;
  setProducerPaused(producerId: string, paused: boolean): Promise<void>;
  /**
   * Settles once the SFU first scores media arriving on one of this peer's producers (true), or
   * when that producer closes before any did (false). Attendance reads it: joined, but did media flow?
   */
  whenMediaFlows(producerId: string): Promise<boolean>;
  /** Producer ids this peer owns, so the call can announce them. */
  producerIds(): string[];
  /** Closes the peer's transports and with them its producers and consumers. */
  close(): void;
}

export interface MediaRoom {
  readonly id: string;
  readonly rtpCapabilities: unknown;
  readonly closed: boolean;
  /** A fresh peer; a previous peer of the same id is closed first. */
  addPeer(peerId: string): MediaPeer;
  close(): void;
}

/**
 * A short-lived connection for the pre-join network check: one WebRTC transport with SCTP on a
 * router of its own, so a device can show it reaches the media server (and over which
 * protocol) and roughly how fast it can send, before and apart from any session.
 */
export interface MediaProbe {
  readonly id: string;
  readonly rtpCapabilities: unknown;
  readonly transport: TransportDescription & { sctpParameters: unknown };
  connect(dtlsParameters: unknown): Promise<void>;
  produceData(sctpStreamParameters: unknown): Promise<{ dataProducerId: string }>;
  /** Bytes received on the probe's data channels, and the protocol of the connected ICE tuple (null: never connected). */
  result(): Promise<{ bytesReceived: number; protocol: 'udp' | 'tcp' | null }>;
  close(): void;
}

export interface MediaHealth {
  workersAlive: number;
  workersExpected: number;
}

export interface MediaPort {
  /** The capabilities every room's router has (all routers are built from one codec list). */
  routerRtpCapabilities(): unknown;
  /** The room of one live session; concurrent callers for one id get the same room. */
  openRoom(roomId: string): Promise<MediaRoom>;
  /** A probe connection for the pre-join network check; the caller closes it. */
  openProbe(): Promise<MediaProbe>;
  health(): MediaHealth;
  /** Called when a room is lost with its worker; the call layer tells the peers. */
  onRoomLost(listener: (roomId: string) => void): void;
  close(): Promise<void>;
}
