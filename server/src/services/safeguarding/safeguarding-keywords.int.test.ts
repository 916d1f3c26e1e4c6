import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SafeguardingAlert, StaffAuditEntry } from '@peerbridge/shared';
import { DEFAULT_SAFEGUARDING_KEYWORDS } from '../../domain/safeguarding/default-keywords.js';
import { connectDevice, type DeviceSocket } from '../../test-support/device-socket.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { collect, connectStaff } from '../../test-support/staff-socket.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Agent = Awaited<ReturnType<typeof signInStaff>>;
const PATH = '/api/staff/safeguarding/keywords';

/*
 * Each school's DSLs keep their own words; a shared session is checked against
 * both schools' lists; every change is on the school's audit trail.
 */
describe.each(testDatabaseKinds())('safeguarding words per school on %s', (kind) => {
  let server: TestServer;
  let northgateDsl: Agent;
  let open: DeviceSocket[] = [];
  const session = () => server.demo!.sessions.find((s) => s.kind === 'now')!;
  const device = (role: 'mentor' | 'mentee') => server.demo!.schools.find((s) => s.role === role)!.deviceToken;
  const keywordEntries = async (agent: Agent): Promise<StaffAuditEntry[]> =>
    (await agent.get('/api/staff/audit?kind=SafeguardingKeywordsChanged').expect(200)).body.entries;

  beforeAll(async () => {
    server = await startTestServer(kind);
    northgateDsl = await signInStaff(server, 'dsl@northgate.example');
  });
  afterEach(() => {
    for (const s of open) s.close();
    open = [];
  });
  afterAll(() => stopTestServer(server));

  it('starts on the default list, shown beside the partner school it also applies to', async () => {
    const { body } = await northgateDsl.get(PATH).expect(200);
    expect(body).toMatchObject({ usingDefault: true, partnerSchools: ['Riverside High School'] });
    expect(body.keywords).toEqual([...DEFAULT_SAFEGUARDING_KEYWORDS]);
    expect(body.defaults).toEqual([...DEFAULT_SAFEGUARDING_KEYWORDS]);
  });

  it('refuses a list it could not keep as typed, naming the entry', async () => {
    const repeated = await northgateDsl.put(PATH).send({ keywords: ['peng', 'Peng'] }).expect(400);
    expect(JSON.stringify(repeated.body)).toContain('repeats \\"peng\\"');
    const empty = await northgateDsl.put(PATH).send({ keywords: ['peng', ' '] }).expect(400);
    expect(JSON.stringify(empty.body)).toMatch(/at least 2 characters/);
    await northgateDsl.put(PATH).send({ keywords: [] }).expect(400);
    await northgateDsl.put(PATH).send({ words: ['peng'] }).expect(400);
    expect((await northgateDsl.get(PATH).expect(200)).body.usingDefault).toBe(true);
    expect(await keywordEntries(northgateDsl)).toEqual([]);
  });

  it("flags a shared session's chat on the school's own words and on the partner's default words, and records the change", async () => {
    const saved = await northgateDsl.put(PATH).send({ keywords: ['peng', 'opps', 'knife'] }).expect(200);
    expect(saved.body).toMatchObject({ usingDefault: false, keywords: ['peng', 'opps', 'knife'] });

    const [entry] = await keywordEntries(northgateDsl);
    expect(entry).toMatchObject({ actor: { name: 'Mr Ravi Patel' }, action: { kind: 'SafeguardingKeywordsChanged', added: ['peng', 'opps'], usingDefault: false } });
    expect(entry!.action.kind === 'SafeguardingKeywordsChanged' && entry!.action.removed).toContain('suicide');
    // The partner school's trail is its own.
    const riversideCoordinator = await signInStaff(server, 'coordinator@riverside.example');
    expect(await keywordEntries(riversideCoordinator)).toEqual([]);

    const dsl = open[open.push(await connectStaff(server.url, 'dsl@riverside.example')) - 1]!;
    const alerts = collect<SafeguardingAlert>(dsl, 'safeguarding:alert');
    const mentor = open[open.push(await connectDevice(server.url, device('mentor'))) - 1]!;
    const mentee = open[open.push(await connectDevice(server.url, device('mentee'))) - 1]!;
    expect((await mentor.join(session().id, session().mentor.id)).ok).toBe(true);
    expect((await mentee.join(session().id, session().mentee.id)).ok).toBe(true);
    // Northgate's own word, and a word only Riverside's (default) list has.
    await mentee.request('chat:send', { text: 'the opps were there' });
    await mentor.request('chat:send', { text: "I'm scared to go home" });
    await mentor.request('chat:send', { text: 'See you next Tuesday' });
    await expect.poll(() => alerts.length).toBe(2);
    const flagged = (await server.events.list(session().id)).flatMap((e) => (e.detail as { flaggedKeywords?: string[] }).flaggedKeywords ?? []);
    expect(flagged).toEqual(['opps', 'scared to go home']);
  });

  it('goes back to the default list on request, recorded as such', async () => {
    const reset = await northgateDsl.put(PATH).send({ keywords: null }).expect(200);
    expect(reset.body.usingDefault).toBe(true);
    const [entry] = await keywordEntries(northgateDsl);
    expect(entry!.action).toMatchObject({ kind: 'SafeguardingKeywordsChanged', usingDefault: true, removed: ['peng', 'opps'] });
  });

  it('is for DSLs only', async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    await coordinator.get(PATH).expect(403);
    await coordinator.put(PATH).send({ keywords: ['peng'] }).expect(403);
  });
});
