import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../errors.js';
import { FakeMedia } from '../../test-support/fake-media.js';
import type { Timers } from '../calls/timers.js';
import { NetworkProbes, PROBE_LIFETIME_MS, PROBE_STARTS_PER_WINDOW, PROBE_WINDOW_MS } from './network-probes.js';

const dtls = { fingerprints: [{ algorithm: 'sha-256' as const, value: 'AB:CD' }] };

/** A clock and timers that move only when told. */
function harness(turn: boolean = false) {
  let now = Temporal.Instant.from('2026-11-25T10:20:00Z');
  const pending: { at: Temporal.Instant; run: () => void; cancelled: boolean }[] = [];
  const timers: Timers = {
    after: (ms, run) => {
      const timer = { at: now.add({ milliseconds: ms }), run, cancelled: false };
      pending.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  };
  const media = new FakeMedia();
  const probes = new NetworkProbes({
    media,
    clock: { now: () => now },
    timers,
    iceServers: (who) => (turn ? [{ urls: ['turn:turn.example:3478'], username: `u:${who}`, credential: 'c' }] : []),
    log: pino({ level: 'silent' }),
  });
  return {
    media,
    probes,
    advance(ms: number) {
      now = now.add({ milliseconds: ms });
      for (const t of pending.filter((p) => !p.cancelled && Temporal.Instant.compare(p.at, now) <= 0)) {
        t.cancelled = true;
        t.run();
      }
    },
  };
}

const ipadA = { connectionId: 'sock-a', deviceId: 'device-a' };
const ipadB = { connectionId: 'sock-b', deviceId: 'device-b' };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('NetworkProbes', () => {
  it('opens a probe with its bounds and the TURN servers of the device, and closes it on finish', async () => {
    const h = harness(true);
    const started = await h.probes.start(ipadA);
    expect(started).toMatchObject({ maxBytes: 512 * 1024, maxDurationMs: 2_000 });
    expect(started.iceServers).toEqual([expect.objectContaining({ username: 'u:device-a' })]);
    await h.probes.connect(ipadA, { probeId: started.probeId, dtlsParameters: dtls });
    await h.probes.produceData(ipadA, { probeId: started.probeId, sctpStreamParameters: { streamId: 0 } });
    expect(await h.probes.finish(ipadA, { probeId: started.probeId })).toEqual({ bytesReceived: 0, protocol: 'udp' });
    expect(h.media.probes.map((p) => p.closed)).toEqual([true]);
    expect(h.probes.openCount()).toBe(0);
    // Finished once: the same probe is gone.
    expect(await refusal(h.probes.finish(ipadA, { probeId: started.probeId }))).toBe('not_found');
  });

  it('keeps one probe per device: a new check closes the one still open', async () => {
    const h = harness();
    const first = await h.probes.start(ipadA);
    const second = await h.probes.start(ipadA);
    expect(h.media.probes.map((p) => p.closed)).toEqual([true, false]);
    expect(await refusal(h.probes.connect(ipadA, { probeId: first.probeId, dtlsParameters: dtls }))).toBe('not_found');
    await h.probes.connect(ipadA, { probeId: second.probeId, dtlsParameters: dtls });
  });

  it("refuses another device's probe, and a probe from another socket of the same device", async () => {
    const h = harness();
    const started = await h.probes.start(ipadA);
    expect(await refusal(h.probes.connect(ipadB, { probeId: started.probeId, dtlsParameters: dtls }))).toBe('not_found');
    expect(await refusal(h.probes.finish({ connectionId: 'sock-a2', deviceId: 'device-a' }, { probeId: started.probeId }))).toBe('not_found');
    expect(h.media.probes[0]!.connected).toBe(false);
  });

  it('refuses staff (no device)', async () => {
    const h = harness();
    expect(await refusal(h.probes.start({ connectionId: 'staff', deviceId: null }))).toBe('forbidden');
    expect(h.media.probes).toHaveLength(0);
  });

  it('closes a probe that is never finished after its lifetime', async () => {
    const h = harness();
    await h.probes.start(ipadA);
    h.advance(PROBE_LIFETIME_MS - 1);
    expect(h.media.probes[0]!.closed).toBe(false);
    h.advance(1);
    expect(h.media.probes[0]!.closed).toBe(true);
    expect(h.probes.openCount()).toBe(0);
  });

  it("closes a socket's probe when it disconnects, not another device's", async () => {
    const h = harness();
    await h.probes.start(ipadA);
    await h.probes.start(ipadB);
    h.probes.disconnected('sock-a');
    expect(h.media.probes.map((p) => p.closed)).toEqual([true, false]);
  });

  it('allows a few checks a minute per device, then again once the minute has passed', async () => {
    const h = harness();
    for (let i = 0; i < PROBE_STARTS_PER_WINDOW; i++) await h.probes.start(ipadA);
    expect(await refusal(h.probes.start(ipadA))).toBe('rate_limited');
    await h.probes.start(ipadB);
    h.advance(PROBE_WINDOW_MS);
    await h.probes.start(ipadA);
  });
});
