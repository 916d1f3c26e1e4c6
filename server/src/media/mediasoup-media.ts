import * as mediasoup from 'mediasoup';
import type { types } from 'mediasoup';
import type { Logger } from 'pino';
import { mediaCodecs } from './codecs.js';
import type { MediaHealth, MediaPort, MediaProbe } from './media-port.js';
import { MediasoupProbe } from './mediasoup-probe.js';
import { MediasoupRoom, type MediasoupPeer } from './mediasoup-room.js';
import { assertWorkerBinaryPresent } from './worker-binary.js';

export interface MediasoupOptions {
  workers: number;
  listenIp: string;
  announcedAddress: string | undefined;
  /** Worker i's WebRtcServer listens on rtcPort + i (UDP and TCP): a firewall opens a handful of ports. */
  rtcPort: number;
  logLevel: types.WorkerLogLevel;
}

interface WorkerSlot {
  index: number;
  worker: types.Worker | undefined;
  webRtcServer: types.WebRtcServer | undefined;
  rooms: Set<string>;
}

const RESPAWN_DELAY_MS = 1_000;

/** A pool of mediasoup workers (one per core by default), each with one WebRtcServer; one router per live session. */
export class MediasoupMedia implements MediaPort {
  private readonly slots: WorkerSlot[];
  private readonly rooms = new Map<string, Promise<MediasoupRoom>>();
  private readonly roomLostListeners: ((roomId: string) => void)[] = [];
  private closing = false;
  private capabilities: unknown;

  private constructor(
    private readonly options: MediasoupOptions,
    private readonly log: Logger,
  ) {
    this.slots = Array.from({ length: options.workers }, (_, index) => ({
      index,
      worker: undefined,
      webRtcServer: undefined,
      rooms: new Set<string>(),
    }));
  }

  static async start(options: MediasoupOptions, log: Logger): Promise<MediasoupMedia> {
    assertWorkerBinaryPresent();
    const media = new MediasoupMedia(options, log);
    try {
      await Promise.all(media.slots.map((slot) => media.startWorker(slot)));
      media.capabilities = await media.probeCapabilities();
    } catch (error) {
      await media.close();
      throw error;
    }
    return media;
  }

  openRoom(roomId: string): Promise<MediasoupRoom> {
    const existing = this.rooms.get(roomId);
    if (existing) return existing;
    // The promise is stored before any await, so two peers arriving together share one router.
    const created = this.createRoom(roomId);
    this.rooms.set(roomId, created);
    created.catch(() => this.rooms.delete(roomId));
    return created;
  }

  routerRtpCapabilities(): unknown {
    return this.capabilities;
  }

  async openProbe(): Promise<MediaProbe> {
    const slot = this.leastLoadedSlot();
    if (!slot?.worker || !slot.webRtcServer) throw new Error('No media worker is available');
    return MediasoupProbe.open(slot.worker, slot.webRtcServer);
  }

  health(): MediaHealth {
    return {
      workersAlive: this.slots.filter((s) => s.worker && !s.worker.closed).length,
      workersExpected: this.slots.length,
    };
  }

  /** Operating-system pids of the live workers (for operations and tests). */
  workerPids(): number[] {
    return this.slots.flatMap((s) => (s.worker && !s.worker.closed ? [s.worker.pid] : []));
  }

  /** One peer of a live room (operations and tests: e.g. to read what its link reports). */
  async peerOf(roomId: string, peerId: string): Promise<MediasoupPeer | undefined> {
    const room = await this.rooms.get(roomId)?.catch(() => undefined);
    return room?.peer(peerId);
  }

  onRoomLost(listener: (roomId: string) => void): void {
    this.roomLostListeners.push(listener);
  }

  async close(): Promise<void> {
    this.closing = true;
    for (const slot of this.slots) {
      slot.worker?.close();
      slot.worker = undefined;
      slot.webRtcServer = undefined;
    }
    this.rooms.clear();
  }

  /** mediasoup derives a router's capabilities from its codec list alone, so one probe router tells them. */
  private async probeCapabilities(): Promise<unknown> {
    const worker = this.slots[0]?.worker;
    if (!worker) throw new Error('No media worker is available');
    const router = await worker.createRouter({ mediaCodecs });
    const capabilities = router.rtpCapabilities;
    router.close();
    return capabilities;
  }

  private async createRoom(roomId: string): Promise<MediasoupRoom> {
    const slot = this.leastLoadedSlot();
    if (!slot?.worker || !slot.webRtcServer) {
      throw new Error('No media worker is available');
    }
    const router = await slot.worker.createRouter({ mediaCodecs });
    const room = new MediasoupRoom(roomId, router, slot.webRtcServer);
    slot.rooms.add(roomId);
    const worker = slot.worker;
    router.observer.once('close', () => {
      slot.rooms.delete(roomId);
      void this.rooms.get(roomId)?.then((current) => {
        if (current === room) this.rooms.delete(roomId);
      });
      // mediasoup closes a dead worker's routers before it reports the death: this is where rooms are lost.
      if (worker.closed && !this.closing) {
        this.log.error({ roomId, worker: slot.index }, 'MediaRoomLost');
        for (const listener of this.roomLostListeners) listener(roomId);
      }
    });
    this.log.info({ roomId, worker: slot.index }, 'MediaRoomOpened');
    return room;
  }

  private leastLoadedSlot(): WorkerSlot | undefined {
    return this.slots
      .filter((s) => s.worker && !s.worker.closed)
      .sort((a, b) => a.rooms.size - b.rooms.size)[0];
  }

  private async startWorker(slot: WorkerSlot): Promise<void> {
    const worker = await mediasoup.createWorker({ logLevel: this.options.logLevel });
    const port = this.options.rtcPort + slot.index;
    const listen = (protocol: 'udp' | 'tcp'): types.WebRtcServerListenInfo => ({
      protocol,
      ip: this.options.listenIp,
      port,
      ...(this.options.announcedAddress ? { announcedIp: this.options.announcedAddress } : {}),
    });
    let webRtcServer: types.WebRtcServer;
    try {
      webRtcServer = await worker.createWebRtcServer({ listenInfos: [listen('udp'), listen('tcp')] });
    } catch (error) {
      worker.close();
      throw new Error(`Media worker ${slot.index} could not listen on port ${port} (UDP/TCP): ${String(error)}`, {
        cause: error,
      });
    }
    slot.worker = worker;
    slot.webRtcServer = webRtcServer;
    worker.on('died', (error) => this.handleWorkerDeath(slot, worker, error));
    this.log.info({ worker: slot.index, pid: worker.pid, port }, 'MediaWorkerStarted');
  }

  private handleWorkerDeath(slot: WorkerSlot, worker: types.Worker, error: Error): void {
    if (slot.worker !== worker) return;
    this.log.error({ worker: slot.index, pid: worker.pid, err: error }, 'MediaWorkerDied');
    slot.worker = undefined;
    slot.webRtcServer = undefined;
    slot.rooms.clear();
    this.respawn(slot, RESPAWN_DELAY_MS);
  }

  private respawn(slot: WorkerSlot, delayMs: number): void {
    if (this.closing) return;
    setTimeout(() => {
      if (this.closing) return;
      this.startWorker(slot)
        .then(() => this.log.info({ worker: slot.index }, 'MediaWorkerReplaced'))
        .catch((err: unknown) => {
          this.log.error({ worker: slot.index, err }, 'MediaWorkerRespawnFailed');
          this.respawn(slot, Math.min(delayMs * 2, 30_000));
        });
    }, delayMs).unref();
  }
}
