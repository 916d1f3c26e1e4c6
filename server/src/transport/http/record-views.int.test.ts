import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

/** Every path that shows or exports a child's record leaves who, when and what on the record. */
describe.each(testDatabaseKinds())('reads of a child’s record on %s', (kind) => {
  let server: TestServer;
  let dsl: Awaited<ReturnType<typeof signInStaff>>;
  let sessionId: string;
  let studentId: string;
  let concernId: string;

  beforeAll(async () => {
    server = await startTestServer(kind);
    const now = server.demo!.sessions.find((s) => s.kind === 'now')!;
    sessionId = now.id;
    studentId = now.mentor.id;
    await server.events.append({ occurrenceId: sessionId, type: 'SessionJoined', actor: studentId, at: server.clock.now() });
    dsl = await signInStaff(server, 'dsl@northgate.example');
    concernId = (await dsl.post('/api/staff/concerns').send({ sessionId, studentIds: [studentId], whatHappened: 'Seemed upset.' }).expect(201)).body.concernId;
  });
  afterAll(() => stopTestServer(server));

  const lastView = async (path: string) => {
    const { views } = (await dsl.get(path).expect(200)).body as { views: { fullName: string; access: string; at: string }[] };
    return views.at(-1);
  };

  const concernPaths: [string, () => Promise<unknown>, string][] = [
    ['opening a concern', () => dsl.get(`/api/staff/concerns/${concernId}`).expect(200), 'viewed'],
    ['listing concerns', () => dsl.get('/api/staff/concerns').expect(200), 'listed'],
    ['exporting a concern as JSON', () => dsl.get(`/api/staff/concerns/${concernId}/export.json`).expect(200), 'exported_json'],
    ['exporting a concern as CSV', () => dsl.get(`/api/staff/concerns/${concernId}/export.csv`).expect(200), 'exported_csv'],
    ['amending a concern (the record comes back)', () => dsl.post(`/api/staff/concerns/${concernId}/amendments`).send({ kind: 'note', text: 'Called home.' }).expect(201), 'amended'],
  ];

  /** The view was recorded while `read` ran: between the clock before and after it (a minute can turn over in between). */
  const expectRecorded = async (path: string, read: () => Promise<unknown>, access: string) => {
    const before = Date.parse(server.clock.now().toString());
    await read();
    const after = Date.parse(server.clock.now().toString());
    const view = await lastView(path);
    expect(view).toMatchObject({ fullName: 'Mr Ravi Patel', access });
    expect(Date.parse(view!.at)).toBeGreaterThanOrEqual(before - 1);
    expect(Date.parse(view!.at)).toBeLessThanOrEqual(after + 1);
  };

  it.each(concernPaths)('%s is recorded', async (_what, read, access) => {
    await expectRecorded(`/api/staff/concerns/${concernId}/views`, read, access);
  });

  const logPaths: [string, () => Promise<unknown>, string][] = [
    ['reading a session log', () => dsl.get(`/api/staff/sessions/${sessionId}/log`).expect(200), 'viewed'],
    ['verifying a session log', () => dsl.get(`/api/staff/sessions/${sessionId}/log/verify`).expect(200), 'verified'],
    ['downloading a log as an evidence file', () => dsl.get(`/api/staff/sessions/${sessionId}/log/evidence`).expect(200), 'evidence_downloaded'],
  ];

  it.each(logPaths)('%s is recorded', async (_what, read, access) => {
    await expectRecorded(`/api/staff/sessions/${sessionId}/log/views`, read, access);
  });

  it('reading a child’s chronology is recorded against the child', async () => {
    await expectRecorded(`/api/staff/students/${studentId}/chronology/views`, () => dsl.get(`/api/staff/students/${studentId}/chronology`).expect(200), 'viewed');
  });

  it('says who read a concern in which role and from which school, the partner school’s DSL included', async () => {
    const now = server.demo!.sessions.find((s) => s.kind === 'now')!;
    const both = (await dsl.post('/api/staff/concerns').send({ sessionId, studentIds: [now.mentor.id, now.mentee.id], whatHappened: 'Both upset.' }).expect(201)).body.concernId;
    await dsl.get(`/api/staff/concerns/${both}`).expect(200);
    const partnerDsl = await signInStaff(server, 'dsl@riverside.example');
    await partnerDsl.get(`/api/staff/concerns/${both}`).expect(200);
    const { views } = (await dsl.get(`/api/staff/concerns/${both}/views`).expect(200)).body as { views: Record<string, unknown>[] };
    expect(views.at(-1)).toMatchObject({ fullName: 'Ms Grace Adeyemi', roles: ['dsl'], schoolName: server.demo!.schools.find((s) => s.role === 'mentee')!.name, access: 'viewed' });
    expect(views.find((v) => v.fullName === 'Mr Ravi Patel')).toMatchObject({ roles: ['dsl'], schoolName: server.demo!.schools.find((s) => s.role === 'mentor')!.name });
  });

  it('a refused read leaves no view behind', async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const before = (await dsl.get(`/api/staff/concerns/${concernId}/views`).expect(200)).body.views.length;
    await coordinator.get(`/api/staff/concerns/${concernId}/export.csv`).expect(403);
    expect((await dsl.get(`/api/staff/concerns/${concernId}/views`).expect(200)).body.views).toHaveLength(before);
  });
});
