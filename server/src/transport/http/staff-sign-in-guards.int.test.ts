import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { SIGN_IN_REFUSED } from '../../services/staff/staff-auth.js';
import { addNorthgateStaff } from '../../test-support/extra-staff.js';
import { capturingLogger } from '../../test-support/log-capture.js';
import { DEMO_PASSWORD } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe.each(testDatabaseKinds())('staff sign-in guards on %s', (kind) => {
  let server: TestServer;
  const { log, lines } = capturingLogger();
  // The production defaults: the test proves they suit a school sharing one address.
  beforeAll(async () => {
    server = await startTestServer(kind, undefined, { API_RATE_LIMIT: '1200' }, log);
  });
  afterAll(() => stopTestServer(server));

  const login = async (email: string, password: string) => {
    const started = performance.now();
    const res = await request(server.url).post('/api/staff/login').send({ email, password });
    return { status: res.status, body: res.body as { error?: { code: string; message: string } }, ms: performance.now() - started };
  };

  it('an unknown account, a wrong password and a locked account answer alike: same status, same words, comparable time', async () => {
    const [locked, ...wrongs] = await addNorthgateStaff(server, 'enum', 4);
    for (let i = 0; i < 5; i++) await login(locked!, 'not-the-password');
    // Warm up the argon2 path and the connection before measuring.
    await login('warm-up@example.org', 'x');

    const samples = { unknown: [] as number[], wrong: [] as number[], locked: [] as number[] };
    const answers = new Set<string>();
    for (let round = 0; round < 9; round++) {
      const tries = {
        unknown: await login(`nobody-${round}@northgate.example`, 'guess'),
        // Three accounts take three wrong passwords each: none of them reaches the lockout.
        wrong: await login(wrongs[round % 3]!, 'guess'),
        // The right password, on a locked account: still refused, and it must not tell.
        locked: await login(locked!, DEMO_PASSWORD),
      };
      for (const [what, t] of Object.entries(tries)) {
        answers.add(JSON.stringify({ status: t.status, body: t.body }));
        samples[what as keyof typeof samples].push(t.ms);
      }
    }
    expect([...answers]).toEqual([JSON.stringify({ status: 401, body: { error: { code: 'unauthenticated', message: SIGN_IN_REFUSED } } })]);

    // argon2id at 19 MiB takes ~15–20 ms here; a path that skips it answers in ~3 ms (a ratio near 0.2).
    const wrong = median(samples.wrong);
    const ratios = { unknown: median(samples.unknown) / wrong, locked: median(samples.locked) / wrong };
    process.stdout.write(`sign-in timing on ${kind}: wrong=${wrong.toFixed(1)}ms unknown/wrong=${ratios.unknown.toFixed(2)} locked/wrong=${ratios.locked.toFixed(2)}\n`);
    for (const ratio of Object.values(ratios)) {
      expect(ratio).toBeGreaterThan(0.6);
      expect(ratio).toBeLessThan(1.6);
    }

    // Still enforced and recorded where staff can see it: the log says the account is locked and refused.
    expect(lines.some((l) => l.msg === 'StaffAccountLocked')).toBe(true);
    expect(lines.some((l) => l.msg === 'StaffSignInRefusedLocked')).toBe(true);
  });

  it('ten mistyped passwords from one school address do not stop a colleague signing in', async () => {
    const colleagues = await addNorthgateStaff(server, 'typo', 6);
    // Twelve failures from this one address, two per account (below any account's lockout).
    for (const email of colleagues) {
      for (let i = 0; i < 2; i++) expect((await login(email, 'typo')).status).toBe(401);
    }
    const res = await login('coordinator@northgate.example', DEMO_PASSWORD);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // And each of the colleagues still gets in with the right password.
    for (const email of colleagues) expect((await login(email, DEMO_PASSWORD)).status).toBe(200);
  });
});
