import type { ProbeStartResult } from '@peerbridge/shared';
import { Device, type types } from 'mediasoup-client';
import type { LoadedDevice } from './media-session';

/*
 * The direct half of the pre-join network check: a data-only mediasoup-client transport to
 * the probe the server opened, one data channel, and a short burst on it. The sibling of
 * media-session.ts, and like it the only other file that imports mediasoup-client.
 */

export interface ProbeSignalling {
  connect(dtlsParameters: types.DtlsParameters): Promise<void>;
  produceData(sctpStreamParameters: types.SctpStreamParameters): Promise<string>;
  /** What the server received, and the protocol of its selected ICE tuple. */
  finish(): Promise<{ bytesReceived: number; protocol: 'udp' | 'tcp' | null }>;
}

export interface DirectProbeResult {
  protocol: 'udp' | 'tcp' | null;
  bytesReceived: number;
  /** From the first byte sent to asking the server what arrived. */
  elapsedMs: number;
}

const CHUNK_BYTES = 16 * 1024;
/** Keeps the browser's send queue short, so "sent" stays close to "on the wire". */
const HIGH_WATER_BYTES = 128 * 1024;
const OPEN_TIMEOUT_MS = 5_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function opened(producer: types.DataProducer, timeoutMs: number): Promise<boolean> {
  if (producer.readyState === 'open') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    producer.on('open', () => {
      clearTimeout(timer);
      resolve(true);
    });
    producer.on('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

/** The selected candidate pair's local protocol, from the browser's side. */
async function protocolFromStats(transport: types.Transport): Promise<'udp' | 'tcp' | null> {
  const report = await transport.getStats();
  const stats = [...report.values()] as Array<Record<string, unknown>>;
  const selectedId = stats.find((s) => s.type === 'transport')?.selectedCandidatePairId;
  const pair = stats.find((s) => s.type === 'candidate-pair' && (s.id === selectedId || (s.selected === true && !selectedId)));
  const local = pair && stats.find((s) => s.id === pair.localCandidateId);
  const protocol = local?.protocol;
  return protocol === 'udp' || protocol === 'tcp' ? protocol : null;
}

async function deviceFor(routerRtpCapabilities: unknown, preloaded: LoadedDevice | null): Promise<types.Device> {
  if (preloaded && preloaded.loadedFor === JSON.stringify(routerRtpCapabilities)) return preloaded.device;
  const device = await Device.factory();
  await device.load({ routerRtpCapabilities: routerRtpCapabilities as types.RtpCapabilities });
  return device;
}

/**
 * Connects to the probe and sends at most `maxBytes` for at most `maxDurationMs`; never throws
 * for the network's sake (a connection that never opens is `protocol: null`). `signal` stops the
 * burst early (the child tapped Join: the call comes first); the server is still told, so it closes the probe.
 */
export async function runDirectProbe(
  start: ProbeStartResult,
  signalling: ProbeSignalling,
  options: { preloaded?: LoadedDevice | null; signal?: AbortSignal } = {},
): Promise<DirectProbeResult> {
  const { signal } = options;
  if (signal?.aborted) {
    // Stopped before it began: only let the server close the probe.
    const { bytesReceived, protocol } = await signalling.finish();
    return { protocol, bytesReceived, elapsedMs: 0 };
  }
  const device = await deviceFor(start.routerRtpCapabilities, options.preloaded ?? null);
  const transport = device.createSendTransport({
    id: start.transport.id,
    iceParameters: start.transport.iceParameters as types.IceParameters,
    iceCandidates: start.transport.iceCandidates as types.IceCandidate[],
    dtlsParameters: start.transport.dtlsParameters as types.DtlsParameters,
    sctpParameters: start.transport.sctpParameters as types.SctpParameters,
  });
  transport.on('connect', ({ dtlsParameters }, callback, errback) => {
    signalling.connect(dtlsParameters).then(callback, errback);
  });
  transport.on('producedata', ({ sctpStreamParameters }, callback, errback) => {
    signalling.produceData(sctpStreamParameters).then((id) => callback({ id }), errback);
  });
  try {
    const channel = await transport.produceData({ ordered: true, label: 'network-check' });
    if (!(await opened(channel, OPEN_TIMEOUT_MS))) {
      const { bytesReceived, protocol } = await signalling.finish();
      return { protocol, bytesReceived, elapsedMs: 0 };
    }
    const chunk = new Uint8Array(CHUNK_BYTES).buffer;
    const startedAt = performance.now();
    const elapsed = () => performance.now() - startedAt;
    let sent = 0;
    const going = () => elapsed() < start.maxDurationMs && channel.readyState === 'open' && !signal?.aborted;
    while (sent < start.maxBytes && going()) {
      if (channel.bufferedAmount > HIGH_WATER_BYTES) {
        await sleep(10);
        continue;
      }
      channel.send(chunk);
      sent += CHUNK_BYTES;
    }
    // Let the queue drain, within the same time bound: what has not arrived by then does not count.
    while (channel.bufferedAmount > 0 && going()) await sleep(10);
    const elapsedMs = Math.max(1, Math.round(elapsed()));
    const fromBrowser = await protocolFromStats(transport).catch(() => null);
    const { bytesReceived, protocol } = await signalling.finish();
    return { protocol: protocol ?? fromBrowser, bytesReceived, elapsedMs };
  } finally {
    transport.close();
  }
}
