import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { students } from '../../test-support/stored-rows.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const goodFile = ['Adno,Legal Forename,Legal Surname,Year,Reg', 'N1001,Maya,Ward,12,12W', 'N1002,Leo,Hart,13,13H'].join('\r\n');
const badFile = ['Adno,Legal Forename,Legal Surname,Year,Reg', 'N2001,Zoe,Bell,12,12B', 'N2002,,Cole,12,12C', 'N2003,Ian,Dunn,8,8D'].join('\n');

describe.each(testDatabaseKinds())('student import on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  const countAt = async (schoolId: string) => (await server.database.db.select().from(students).where(eq(students.schoolId, schoolId))).length;
  const northgate = () => server.demo!.schools.find((s) => s.role === 'mentor')!.id;

  it('dry-runs, then imports, then re-imports the same file as updates', async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const before = await countAt(northgate());
    const dry = await coordinator.post('/api/staff/import/students?dryRun=true').type('text/csv').send(goodFile).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 2, toCreate: 2, toUpdate: 0, problems: [], written: false });
    expect(await countAt(northgate())).toBe(before);

    await coordinator.post('/api/staff/import/students').type('text/csv').send(goodFile).expect(200);
    expect(await countAt(northgate())).toBe(before + 2);
    const again = await coordinator.post('/api/staff/import/students').type('text/csv').send(goodFile.replace('Maya', 'Maia')).expect(200);
    expect(again.body).toMatchObject({ toCreate: 0, toUpdate: 2, written: true });
    expect(await countAt(northgate())).toBe(before + 2);
  });

  it('reports every bad row by line and writes nothing, even the good rows', async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    const before = await countAt(northgate());
    const res = await coordinator.post('/api/staff/import/students').type('text/csv').send(badFile).expect(422);
    expect(res.body).toMatchObject({
      written: false,
      problems: [
        { line: 3, reason: 'first name is empty' },
        { line: 4, reason: 'year is not part of the programme (mentors are Year 12–13, mentees Year 11)' },
      ],
    });
    expect(await countAt(northgate())).toBe(before);
    const broken = await coordinator.post('/api/staff/import/students').type('text/csv').send('Adno,Forename\n1,"open').expect(400);
    expect(broken.body.error.message).toMatch(/line 2/);
  });

  it('imports only into the coordinator’s own school, and only for coordinators', async () => {
    const riverside = await signInStaff(server, 'coordinator@riverside.example');
    const northgateBefore = await countAt(northgate());
    await riverside.post('/api/staff/import/students').type('text/csv').send(goodFile.replace(/N100/g, 'R100')).expect(200);
    expect(await countAt(northgate())).toBe(northgateBefore);
    const dsl = await signInStaff(server, 'dsl@riverside.example');
    await dsl.post('/api/staff/import/students').type('text/csv').send(goodFile).expect(403);
  });
});
