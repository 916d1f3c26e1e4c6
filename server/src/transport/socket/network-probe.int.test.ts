import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { sessionEvents } from '../../test-support/stored-rows.js';
import { connectDevice, type DeviceSocket } from '../../test-support/device-socket.js';
import { connectStaff } from '../../test-support/staff-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/*
 * The pre-join network check's signalling against the real media worker. The data itself
 * (DTLS, SCTP, the burst) needs a browser and is proven by the prejoin browser spec.
 */
const dtlsParameters = { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: Array(32).fill('AB').join(':') }] };

interface Started {
  probeId: string;
  transport: { id: string; iceCandidates: { protocol: string }[]; sctpParameters: { port: number; MIS: number; OS: number } };
  iceServers: unknown[];
  maxBytes: number;
  maxDurationMs: number;
}

describe.each(testDatabaseKinds())('pre-join network probe on %s with the real media worker', (kind) => {
  let server: TestServer;
  let mentorDevice: string;
  let menteeDevice: string;
  const sockets: DeviceSocket[] = [];
  const track = <S extends DeviceSocket>(s: S) => {
    sockets.push(s);
    return s;
  };
  const connect = async (token: string) => track(await connectDevice(server.url, token));

  beforeAll(async () => {
    server = await startTestServer(kind);
    const demo = server.demo!;
    mentorDevice = demo.schools.find((s) => s.role === 'mentor')!.deviceToken;
    menteeDevice = demo.schools.find((s) => s.role === 'mentee')!.deviceToken;
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await stopTestServer(server);
  });

  it('opens a bounded probe transport with SCTP over UDP and TCP, takes its channel, answers what arrived and closes it', async () => {
    const ipad = await connect(mentorDevice);
    const started = await ipad.request<Started>('probe:start', {});
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const { probeId, transport } = started.data;
    expect(started.data).toMatchObject({ maxBytes: 512 * 1024, maxDurationMs: 2_000, iceServers: [] });
    expect(transport.sctpParameters).toMatchObject({ port: 5000, OS: expect.any(Number), MIS: expect.any(Number) });
    expect(new Set(transport.iceCandidates.map((c) => c.protocol))).toEqual(new Set(['udp', 'tcp']));
    expect(server.probes.openCount()).toBe(1);

    expect(await ipad.request('probe:connect', { probeId, dtlsParameters })).toEqual({ ok: true, data: {} });
    const channel = await ipad.request<{ dataProducerId: string }>('probe:produce-data', {
      probeId,
      sctpStreamParameters: { streamId: 0, ordered: false, maxRetransmits: 0 },
    });
    expect(channel).toMatchObject({ ok: true, data: { dataProducerId: expect.any(String) } });
    // A second channel on one check is refused: the probe is one burst on one channel.
    expect(await ipad.request('probe:produce-data', { probeId, sctpStreamParameters: { streamId: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    // Nothing was sent (no browser here), and no ICE tuple was ever selected.
    expect(await ipad.request('probe:finish', { probeId })).toEqual({ ok: true, data: { bytesReceived: 0, protocol: null } });
    expect(server.probes.openCount()).toBe(0);
    expect(await ipad.request('probe:finish', { probeId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses staff, another device and malformed requests, answering each', async () => {
    const dsl = track(await connectStaff(server.url, 'dsl@riverside.example'));
    expect(await dsl.request('probe:start', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const ipad = await connect(menteeDevice);
    const other = await connect(mentorDevice);
    const started = await ipad.request<Started>('probe:start', {});
    if (!started.ok) throw new Error('probe did not start');
    const { probeId } = started.data;
    expect(await other.request('probe:connect', { probeId, dtlsParameters })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await other.request('probe:finish', { probeId })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await dsl.request('probe:finish', { probeId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    for (const bad of [
      { probeId, sctpStreamParameters: { streamId: -1 } },
      { probeId, sctpStreamParameters: { streamId: 70_000 } },
      { probeId, sctpStreamParameters: { streamId: 0, label: 'x' } },
      { probeId: '', sctpStreamParameters: { streamId: 0 } },
    ]) {
      expect(await ipad.request('probe:produce-data', bad), JSON.stringify(bad)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    expect(await ipad.request('probe:start', { extra: true })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await ipad.request('probe:connect', { probeId, dtlsParameters: { fingerprints: [] } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    // Still open for its own device after all that, and closed when that device's socket goes.
    expect(server.probes.openCount()).toBe(1);
    ipad.close();
    await expect.poll(() => server.probes.openCount()).toBe(0);
  });

  it("keeps the device's network check with its join in the session log, and refuses a malformed one", async () => {
    const session = server.demo!.sessions.find((s) => s.kind === 'now')!;
    const ipad = await connect(mentorDevice);
    const networkCheck = { direct: 'tcp', turn: 'not_configured', uploadKbps: 1200 };
    expect(await ipad.join(session.id, session.mentor.id, { networkCheck: { ...networkCheck, uploadKbps: -5 } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    const joined = await ipad.join(session.id, session.mentor.id, { networkCheck });
    expect(joined.ok).toBe(true);
    const entries = await server.database.db
      .select()
      .from(sessionEvents)
      .where(eq(sessionEvents.occurrenceId, session.id))
      .orderBy(asc(sessionEvents.seq));
    expect(entries.filter((e) => e.type === 'SessionJoined').at(-1)).toMatchObject({
      actor: session.mentor.id,
      detail: { networkCheck },
    });
    expect(await ipad.request('session:leave', {})).toEqual({ ok: true, data: {} });
  });
});
