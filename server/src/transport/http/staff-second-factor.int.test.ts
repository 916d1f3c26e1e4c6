import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffRecoveryCodes, staffSecondFactors } from '../../test-support/stored-rows.js';
import { generate } from 'otplib';
import type { Temporal } from 'temporal-polyfill';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;

/** The code an authenticator app shows at the server's "now". */
const codeAt = (secret: string, now: Temporal.Instant) => generate({ secret, epoch: Math.floor(now.epochMilliseconds / 1000) });

async function raiseConcern(server: TestServer, dsl: Agent): Promise<{ concernId: string; studentId: string }> {
  const now = server.demo!.sessions.find((s) => s.kind === 'now')!;
  const res = await dsl
    .post('/api/staff/concerns')
    .send({ sessionId: now.id, studentIds: [now.mentor.id], whatHappened: 'Said something worrying about home.' })
    .expect(201);
  return { concernId: res.body.concernId, studentId: now.mentor.id };
}

describe.each(testDatabaseKinds())('DSL second factor, required, on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, undefined, { STAFF_STEP_UP: 'required', STAFF_STEP_UP_MINUTES: '15' });
  });
  afterAll(() => stopTestServer(server));

  it('a concern, its exports, a chronology and an evidence file need the step-up; enrolment, codes, expiry, replay and recovery codes all behave', async () => {
    const dsl = await signInStaff(server, 'dsl@northgate.example');
    const { concernId, studentId } = await raiseConcern(server, dsl);
    const records = [
      `/api/staff/concerns/${concernId}`,
      `/api/staff/concerns/${concernId}/export.json`,
      `/api/staff/concerns/${concernId}/export.csv`,
      `/api/staff/students/${studentId}/chronology`,
      `/api/staff/sessions/${server.demo!.sessions.find((s) => s.kind === 'now')!.id}/log/evidence`,
    ];

    // Not enrolled: every record is refused with the distinct code; the queue itself stays open.
    for (const path of records) {
      const res = await dsl.get(path).expect(403);
      expect(res.body.error).toMatchObject({ code: 'step_up_required', details: { enrolled: false } });
    }
    await dsl.get('/api/staff/concerns').expect(200);
    expect((await dsl.get('/api/staff/second-factor').expect(200)).body).toEqual({
      required: true,
      enrolled: false,
      steppedUpUntil: null,
      recoveryCodesLeft: 0,
    });

    // Enrolment: a secret and otpauth URI; a wrong code is refused naming the field; the right one confirms.
    const started = (await dsl.post('/api/staff/second-factor/enrolment').expect(201)).body as { secret: string; otpauthUri: string };
    expect(started.otpauthUri).toMatch(/^otpauth:\/\/totp\/Peerbridge:dsl%40northgate\.example\?.*secret=/);
    const wrong = await dsl.post('/api/staff/second-factor/enrolment/confirm').send({ code: '000000' }).expect(400);
    expect(wrong.body.error.details).toEqual({ field: 'code' });
    await dsl.post('/api/staff/second-factor/enrolment/confirm').send({ code: 'abc' }).expect(400);
    const confirmed = await dsl
      .post('/api/staff/second-factor/enrolment/confirm')
      .send({ code: await codeAt(started.secret, server.clock.now()) })
      .expect(200);
    const recoveryCodes = confirmed.body.recoveryCodes as string[];
    expect(recoveryCodes).toHaveLength(10);
    for (const path of records) await dsl.get(path).expect(200);

    // At rest: the secret only sealed, the recovery codes only hashed.
    const db = server.database.db;
    const stored = JSON.stringify([await db.select().from(staffSecondFactors), await db.select().from(staffRecoveryCodes)]);
    expect(stored).not.toContain(started.secret);
    for (const code of recoveryCodes) expect(stored).not.toContain(code);

    // The step-up lasts 15 minutes of the session, then the record asks again (now knowing there is an authenticator).
    server.clock.advance({ minutes: 16 });
    expect((await dsl.get(records[0]!).expect(403)).body.error).toMatchObject({ code: 'step_up_required', details: { enrolled: true } });
    const code = await codeAt(started.secret, server.clock.now());
    await dsl.post('/api/staff/second-factor/step-up').send({ code }).expect(200);
    await dsl.get(records[0]!).expect(200);
    // The same code cannot be used twice (here by a second session of the same person).
    const second = await signInStaff(server, 'dsl@northgate.example');
    await second.post('/api/staff/second-factor/step-up').send({ code }).expect(400);

    // A recovery code works once, whatever its case and dashes.
    await second.post('/api/staff/second-factor/step-up').send({ recoveryCode: recoveryCodes[0]!.toUpperCase().replace(/-/g, ' ') }).expect(200);
    await second.get(records[3]!).expect(200);
    const third = await signInStaff(server, 'dsl@northgate.example');
    await third.post('/api/staff/second-factor/step-up').send({ recoveryCode: recoveryCodes[0] }).expect(400);
    expect((await third.get('/api/staff/second-factor').expect(200)).body).toMatchObject({ enrolled: true, steppedUpUntil: null, recoveryCodesLeft: 9 });
  });

  it('replacing a working authenticator needs a step-up first', async () => {
    const dsl = await signInStaff(server, 'dsl@riverside.example');
    const first = (await dsl.post('/api/staff/second-factor/enrolment').expect(201)).body as { secret: string };
    await dsl.post('/api/staff/second-factor/enrolment/confirm').send({ code: await codeAt(first.secret, server.clock.now()) }).expect(200);
    const later = await signInStaff(server, 'dsl@riverside.example');
    expect((await later.post('/api/staff/second-factor/enrolment').expect(403)).body.error.code).toBe('step_up_required');
  });

  it('five wrong codes lock the account and end its sessions', async () => {
    const supervisor = await signInStaff(server, 'supervisor@northgate.example');
    const started = (await supervisor.post('/api/staff/second-factor/enrolment').expect(201)).body as { secret: string };
    await supervisor.post('/api/staff/second-factor/enrolment/confirm').send({ code: await codeAt(started.secret, server.clock.now()) }).expect(200);
    for (let i = 0; i < 4; i++) await supervisor.post('/api/staff/second-factor/step-up').send({ code: '000000' }).expect(400);
    await supervisor.post('/api/staff/second-factor/step-up').send({ code: '000000' }).expect(401);
    await supervisor.get('/api/staff/me').expect(401);
  });
});

describe.each(testDatabaseKinds())('DSL second factor, off, on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind, undefined, { STAFF_STEP_UP: 'off' });
  });
  afterAll(() => stopTestServer(server));

  it('a DSL opens a concern and a chronology with their password alone', async () => {
    const dsl = await signInStaff(server, 'dsl@northgate.example');
    const { concernId, studentId } = await raiseConcern(server, dsl);
    await dsl.get(`/api/staff/concerns/${concernId}`).expect(200);
    await dsl.get(`/api/staff/students/${studentId}/chronology`).expect(200);
    expect((await dsl.get('/api/staff/second-factor').expect(200)).body).toMatchObject({ required: false, enrolled: false });
  });
});
