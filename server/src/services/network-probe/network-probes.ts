import type { ClientAckData, ClientPayload, IceServer } from '@peerbridge/shared';
import type { Logger } from 'pino';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { MediaPort, MediaProbe } from '../../media/media-port.js';
import type { Timers } from '../calls/timers.js';

/** The burst a device sends: enough for a rough upload figure, small enough for a shared Wi-Fi. */
export const PROBE_MAX_BYTES = 512 * 1024;
export const PROBE_MAX_DURATION_MS = 2_000;
/** A probe not finished by then is closed (connect, send for 2 s, finish, with room for a slow network). */
export const PROBE_LIFETIME_MS = 10_000;
/** Each visit to pre-join runs one check; going back and forth (or a class trying again and again) is allowed this many a minute. */
export const PROBE_STARTS_PER_WINDOW = 10;
export const PROBE_WINDOW_MS = 60_000;

/** Who is asking: a school device's socket. */
export interface ProbeAsker {
  connectionId: string;
  deviceId: string | null;
}

interface OpenProbe {
  probe: MediaProbe;
  connectionId: string;
  expiry: { cancel(): void };
}

/**
 * The pre-join network checks: at most one open probe per device, each closed when it
 * finishes, when its socket goes, or after PROBE_LIFETIME_MS; a device starts only a few a minute.
 */
export class NetworkProbes {
  private readonly open = new Map<string, OpenProbe>();
  private readonly starts = new Map<string, number[]>();

  constructor(
    private readonly deps: {
      media: Pick<MediaPort, 'openProbe'>;
      clock: Clock;
      timers: Timers;
      iceServers: (who: string) => IceServer[];
      log: Logger;
    },
  ) {}

  async start(asker: ProbeAsker): Promise<ClientAckData['probe:start']> {
    const deviceId = this.deviceOf(asker);
    this.countStart(deviceId);
    // One at a time per device: a new check replaces one still open.
    this.closeFor(deviceId);
    const probe = await this.deps.media.openProbe();
    const expiry = this.deps.timers.after(PROBE_LIFETIME_MS, () => {
      if (this.open.get(deviceId)?.probe !== probe) return;
      this.deps.log.info({ deviceId, probeId: probe.id }, 'NetworkProbeExpired');
      this.closeFor(deviceId);
    });
    this.open.set(deviceId, { probe, connectionId: asker.connectionId, expiry });
    return {
      probeId: probe.id,
      routerRtpCapabilities: probe.rtpCapabilities,
      transport: probe.transport,
      iceServers: this.deps.iceServers(deviceId),
      maxBytes: PROBE_MAX_BYTES,
      maxDurationMs: PROBE_MAX_DURATION_MS,
    };
  }

  async connect(asker: ProbeAsker, input: ClientPayload<'probe:connect'>): Promise<ClientAckData['probe:connect']> {
    await this.ownProbe(asker, input.probeId).connect(input.dtlsParameters);
    return {};
  }

  produceData(asker: ProbeAsker, input: ClientPayload<'probe:produce-data'>): Promise<ClientAckData['probe:produce-data']> {
    return this.ownProbe(asker, input.probeId).produceData(input.sctpStreamParameters);
  }

  /** What arrived, then the probe is closed: a check is finished once. */
  async finish(asker: ProbeAsker, input: ClientPayload<'probe:finish'>): Promise<ClientAckData['probe:finish']> {
    const probe = this.ownProbe(asker, input.probeId);
    try {
      const result = await probe.result();
      this.deps.log.info({ deviceId: asker.deviceId, probeId: probe.id, ...result }, 'NetworkProbeFinished');
      return result;
    } finally {
      this.closeFor(this.deviceOf(asker));
    }
  }

  /** The socket went: its probe goes with it (a newer socket of the same device keeps its own). */
  disconnected(connectionId: string): void {
    for (const [deviceId, entry] of this.open) {
      if (entry.connectionId === connectionId) this.closeFor(deviceId);
    }
  }

  /** Probes open now (tests check that none outlives its check). */
  openCount(): number {
    return this.open.size;
  }

  private closeFor(deviceId: string): void {
    const entry = this.open.get(deviceId);
    if (!entry) return;
    this.open.delete(deviceId);
    entry.expiry.cancel();
    entry.probe.close();
  }

  private ownProbe(asker: ProbeAsker, probeId: string): MediaProbe {
    const entry = this.open.get(this.deviceOf(asker));
    if (!entry || entry.probe.id !== probeId || entry.connectionId !== asker.connectionId) {
      throw AppError.notFound('That network check is not open on this device; start a new one.');
    }
    return entry.probe;
  }

  private deviceOf(asker: ProbeAsker): string {
    if (!asker.deviceId) throw new AppError('forbidden', 'Only a school iPad checks its network before a call.');
    return asker.deviceId;
  }

  private countStart(deviceId: string): void {
    const now = this.deps.clock.now().epochMilliseconds;
    const recent = (this.starts.get(deviceId) ?? []).filter((at) => now - at < PROBE_WINDOW_MS);
    if (recent.length >= PROBE_STARTS_PER_WINDOW) {
      this.starts.set(deviceId, recent);
      throw new AppError('rate_limited', 'This iPad has checked its network several times just now; try again in a minute.');
    }
    recent.push(now);
    this.starts.set(deviceId, recent);
  }
}
