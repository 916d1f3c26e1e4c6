import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openFreshSession } from '../test-support/open-session.js';
import { connectDevice, type DeviceSocket } from '../test-support/device-socket.js';
import { listRoutes } from '../test-support/fuzz/express-routes.js';
import { httpRoutes, type Fixture, type Principal } from '../test-support/fuzz/http-catalogue.js';
import { httpCaseArbitrary, httpProblem, sendHttpCase, type HttpCase } from '../test-support/fuzz/http-cases.js';
import { ackProblem, sendSocketCase, socketCaseArbitrary, type SocketCase, type SocketRole } from '../test-support/fuzz/socket-cases.js';
import type { Hints } from '../test-support/fuzz/zod-arbitrary.js';
import { capturingLogger } from '../test-support/log-capture.js';
import { addOtherSchoolAndAdmin } from '../test-support/other-school.js';
import { DEMO_PASSWORD } from '../test-support/staff-agent.js';
import { connectStaff } from '../test-support/staff-socket.js';
import { testDatabaseKinds } from '../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../test-support/test-server.js';

/*
 * Property-based fuzzing of every HTTP route and every socket event with
 * values generated from the shared schemas and then broken. Each request is
 * sent as the principal the route is for, so it gets past sign-in and role
 * checks into validation and the services behind it. Nothing may answer 5xx
 * or `internal`, everything must answer within 5 s, every refusal must carry
 * a code, and the server must log no error.
 *
 * Replay a failure with the seed (and fast-check's path) it prints:
 *   FUZZ_SEED=… FUZZ_RUNS=… [FUZZ_PATH=…] npx vitest run server/src/transport/fuzz.int.test.ts
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 5200);
const PATH = process.env.FUZZ_PATH;
const HTTP_RUNS = Math.round(RUNS * 0.65);
const SOCKET_RUNS = RUNS - HTTP_RUNS;
const ANSWER_WITHIN_MS = 5_000;
/** Cases sent at once: a school's traffic is concurrent too, and it keeps the suite within its time. */
const BATCH = 4;
const batches = (runs: number) => Math.ceil(runs / BATCH);

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9', origin: url },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

async function api<T>(url: string, cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json', 'x-forwarded-for': '10.9.9.9', origin: url },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Runs a property with the suite's seed, and says how to replay it when it fails. */
async function check<T>(arbitrary: fc.Arbitrary<T>, numRuns: number, property: (value: T) => Promise<void>): Promise<void> {
  const details = await fc.check(fc.asyncProperty(arbitrary, property), { seed: SEED, numRuns, ...(PATH ? { path: PATH } : {}) });
  if (!details.failed) return;
  // The shrunk case's own description, not fast-check's dump of it: cases carry megabytes.
  const why = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${why}\nReplay: FUZZ_SEED=${details.seed} FUZZ_RUNS=${RUNS} FUZZ_PATH=${details.counterexamplePath ?? ''}`);
}

describe.each(testDatabaseKinds())('fuzzing every route and socket event on %s', (kind) => {
  let server: TestServer;
  let fixture: Fixture;
  const captured = capturingLogger('warn');
  const tally = { cases: 0, fiveHundreds: 0, hangs: 0 };
  const cookies = { coordinator: '', dsl: '', admin: '' };
  let fuzzDeviceToken = '';
  const sockets = new Map<SocketRole, DeviceSocket>();
  const joins = new Map<SocketRole, { sessionId: string; studentId: string; joinToken: string }>();
  const transports: string[] = [];
  let routerRtpCapabilities: unknown;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  const join = async (who: 'mentor' | 'mentee') => {
    const ack = (await sockets.get(who)!.request<{ sendTransport: { id: string }; recvTransport: { id: string } }>('session:join', joins.get(who)));
    if (!ack.ok) throw new Error(`${who} could not join: ${ack.error.message}`);
    transports.push(ack.data.sendTransport.id, ack.data.recvTransport.id);
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
    // Per-address limits are real and tested elsewhere; each fuzz case comes from its own address (X-Forwarded-For).
    server = await startTestServer(kind, undefined, { TRUST_PROXY: '1' }, captured.log);
    const demo = server.demo!;
    const now = demo.sessions.find((s) => s.kind === 'now')!;
    cookies.coordinator = await signIn(server.url, 'coordinator@northgate.example');
    cookies.dsl = await signIn(server.url, 'dsl@northgate.example');
    const hillcrest = await addOtherSchoolAndAdmin(server);
    cookies.admin = await signIn(server.url, 'admin@peerbridge.example');
    const enrol = async (label: string) => {
      const enrolled = await api<{ device: { id: string }; enrolmentCode: string }>(server.url, cookies.coordinator, 'POST', '/api/staff/devices', { label });
      return enrolled;
    };
    const fuzzDevice = await enrol('Fuzz iPad');
    fuzzDeviceToken = (await api<{ deviceToken: string }>(server.url, '', 'POST', '/api/device/enrol', { code: fuzzDevice.enrolmentCode })).deviceToken;
    const concern = await api<{ concernId: string }>(server.url, cookies.dsl, 'POST', '/api/staff/concerns', {
      sessionId: now.id,
      studentIds: [now.mentor.id],
      whatHappened: 'A fuzz fixture.',
    });
    const { students } = await api<{ students: { id: string }[] }>(server.url, cookies.coordinator, 'GET', '/api/staff/students');
    const { partnerships } = await api<{ partnerships: { id: string; pairings: { id: string }[] }[] }>(server.url, cookies.coordinator, 'GET', '/api/staff/partnerships');
    const feed = await api<{ url: string }>(server.url, cookies.dsl, 'POST', '/api/staff/calendar-feed');
    fixture = {
      sessionId: now.id,
      concernId: concern.concernId,
      studentId: students.find((s) => s.id !== now.mentor.id)!.id,
      partnershipId: partnerships[0]!.id,
      pairingId: partnerships[0]!.pairings[0]!.id,
      revocableDeviceId: (await enrol('Fuzz iPad to revoke')).device.id,
      endableSessionId: (await openFreshSession(server)).sessionId,
      feedFile: new URL(feed.url).pathname.split('/').at(-1)!,
      schoolId: hillcrest.id,
    };

    const mentorToken = demo.schools.find((s) => s.role === 'mentor')!.deviceToken;
    const menteeToken = demo.schools.find((s) => s.role === 'mentee')!.deviceToken;
    sockets.set('mentor', await connectDevice(server.url, mentorToken));
    sockets.set('mentee', await connectDevice(server.url, menteeToken));
    sockets.set('device', await connectDevice(server.url, fuzzDeviceToken));
    sockets.set('staff', await connectStaff(server.url, 'dsl@northgate.example'));
    for (const who of ['mentor', 'mentee'] as const) {
      const signedIn = await sockets.get(who)!.signIn(now.id, now[who].id);
      if (!signedIn.ok) throw new Error(signedIn.error.message);
      joins.set(who, { sessionId: now.id, studentId: now[who].id, joinToken: signedIn.data.joinToken });
      await join(who);
    }
    const caps = await sockets.get('device')!.request<{ routerRtpCapabilities: unknown }>('media:capabilities', {});
    if (caps.ok) routerRtpCapabilities = caps.data.routerRtpCapabilities;
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    process.stdout.write(`fuzz cases=${tally.cases} seed=${SEED} 5xx=${tally.fiveHundreds} hangs=${tally.hangs}\n`);
    for (const socket of sockets.values()) socket.close();
    await stopTestServer(server);
  });

  it('covers every route the app serves, and no route it does not', () => {
    const served = listRoutes(server.app);
    expect(served.filter((r) => !httpRoutes[r]), 'routes the fuzzer does not cover: add them to http-catalogue.ts').toEqual([]);
    expect(Object.keys(httpRoutes).filter((r) => !served.includes(r)), 'routes in http-catalogue.ts the app no longer serves').toEqual([]);
  });

  it('answers every malformed HTTP request in time, below 500, with a coded error', { timeout: 240_000 }, async () => {
    const hints: Hints = {
      sessionId: fc.constant(fixture.sessionId),
      studentIds: fc.constant([server.demo!.sessions.find((s) => s.kind === 'now')!.mentor.id]),
      studentId: fc.constant(server.demo!.sessions.find((s) => s.kind === 'now')!.mentor.id),
      pin: fc.constantFrom('1234', '0000', '12a4'),
      // Closures only far from today, so the session the sockets are in is never cancelled under them.
      date: fc.date({ min: new Date('2029-01-01'), max: new Date('2031-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    };
    const credentialsOf = (p: Principal): Record<string, string> =>
      // Staff requests come from a Peerbridge page, so they carry its Origin and get past the cross-origin check.
      p === 'coordinator'
        ? { cookie: cookies.coordinator, origin: server.url }
        : p === 'dsl'
          ? { cookie: cookies.dsl, origin: server.url }
          : p === 'admin'
            ? { cookie: cookies.admin, origin: server.url }
            : p === 'device'
            ? { authorization: `Bearer ${fuzzDeviceToken}` }
            : { origin: server.url };
    const one = async (c: HttpCase) => {
      const outcome = await sendHttpCase(server.url, c, credentialsOf, ANSWER_WITHIN_MS);
      tally.cases++;
      if (outcome.hung) tally.hangs++;
      if ((outcome.status ?? 0) >= 500) tally.fiveHundreds++;
      const problem = httpProblem(outcome);
      return problem ? `${c.method} ${c.path.slice(0, 200)}${c.query ? `?${c.query.slice(0, 100)}` : ''} (${c.route}): ${problem}` : null;
    };
    await check(fc.array(httpCaseArbitrary(fixture, hints), { minLength: BATCH, maxLength: BATCH }), batches(HTTP_RUNS), async (cases) => {
      const problems = (await Promise.all(cases.map(one))).filter((p) => p !== null);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
  });

  it('acknowledges every malformed socket event in time, with data or a coded refusal', { timeout: 240_000 }, async () => {
    const now = server.demo!.sessions.find((s) => s.kind === 'now')!;
    const hintsFor = (who: SocketRole): Hints => ({
      sessionId: fc.constant(now.id),
      studentId: fc.constantFrom(now.mentor.id, now.mentee.id),
      // Only the joined students hold a real join token; the other iPad must not take their place in the call.
      joinToken: who === 'mentor' || who === 'mentee' ? fc.constantFrom(joins.get(who)!.joinToken, 'forged') : fc.constantFrom('forged', 'x'.repeat(4000)),
      transportId: fc.constantFrom(...transports, 'not-a-transport'),
      rtpCapabilities: fc.constant(routerRtpCapabilities),
    });
    const one = async (c: SocketCase) => {
      const socket = sockets.get(c.who)!;
      const { ack, hung } = await sendSocketCase(socket, c, ANSWER_WITHIN_MS);
      tally.cases++;
      if (hung) tally.hangs++;
      const problem = hung ? 'no acknowledgement in time' : !socket.socket.connected ? 'the server dropped the connection' : ackProblem(ack);
      if (!hung && problem?.startsWith('internal')) tally.fiveHundreds++;
      return problem ? `${c.who} ${JSON.stringify(c.event)} (${c.arity} args) ${JSON.stringify(c.payload)?.slice(0, 400)}: ${problem}` : null;
    };
    await check(fc.array(socketCaseArbitrary(hintsFor), { minLength: BATCH, maxLength: BATCH }), batches(SOCKET_RUNS), async (cases) => {
      const problems = (await Promise.all(cases.map(one))).filter((p) => p !== null);
      // A join attempt (good or bad) may move a joined student out of the call: put them back for the next batch.
      for (const who of ['mentor', 'mentee'] as const) if (cases.some((c) => c.who === who && c.event === 'session:join')) await join(who);
      if (problems.length > 0) throw new Error(problems.join('\n'));
    });
  });

  it('logged no error and left no unhandled rejection while being fuzzed', () => {
    const errors = captured.lines.filter((line) => typeof line.level === 'number' && line.level >= 50);
    expect(errors.map((e) => ({ msg: e.msg, err: (e.err as { message?: string } | undefined)?.message }))).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});
