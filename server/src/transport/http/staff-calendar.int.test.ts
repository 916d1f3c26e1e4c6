import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInStaff } from '../../test-support/staff-agent.js';
import { typicalCalendar } from '../../test-support/calendar-fixtures.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

describe.each(testDatabaseKinds())('school calendars and programmes on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it('stores a school calendar that the scheduler reads back with Temporal values', async () => {
    const coordinator = await signInStaff(server, 'coordinator@northgate.example');
    await coordinator.put('/api/staff/calendar').send(typicalCalendar()).expect(200);
    const stored = await coordinator.get('/api/staff/calendar').expect(200);
    expect(stored.body.calendar).toMatchObject({ cycleWeeks: 2, knownWeekAMonday: '2026-09-07' });
    // The iPad pool is no number on the calendar: it is the school's enrolled iPads.
    expect(stored.body.calendar).not.toHaveProperty('devices');
  });

  it('names every problem in a bad calendar and stores nothing', async () => {
    const coordinator = await signInStaff(server, 'coordinator@riverside.example');
    const before = (await coordinator.get('/api/staff/calendar').expect(200)).body.calendar;
    // An old client's iPad count is refused by name: the pool is the enrolled iPads now.
    const bad = {
      ...typicalCalendar({ timeZone: 'Mars/Olympus', cycle: { weeks: 2, knownWeekAMonday: '2026-09-08' } }),
      devicePool: { devices: -1 },
    };
    bad.bellSchedule[3] = [
      { name: 'P1', start: '09:00', end: '09:50' },
      { name: 'P2', start: '09:30', end: '10:40' },
    ];
    const res = await coordinator.put('/api/staff/calendar').send(bad).expect(400);
    const message: string = res.body.error.message;
    for (const field of ['timeZone', 'cycle.knownWeekAMonday', 'devicePool', 'bellSchedule.3']) expect(message).toContain(field);
    expect((await coordinator.get('/api/staff/calendar').expect(200)).body.calendar).toEqual(before);
  });

  it("lets a coordinator set their own students' availability only", async () => {
    const session = server.demo!.sessions[0]!;
    const northgate = await signInStaff(server, 'coordinator@northgate.example');
    const slots = { slots: [{ week: 'A', weekday: 2, period: 'Registration' }] };
    await northgate.put(`/api/staff/students/${session.mentor.id}/availability`).send(slots).expect(204);
    await northgate.put(`/api/staff/students/${session.mentee.id}/availability`).send(slots).expect(403);
    await northgate.put(`/api/staff/students/${session.mentor.id}/availability`).send({ slots: [{ week: 'C', weekday: 9, period: '' }] }).expect(400);
    const dsl = await signInStaff(server, 'dsl@northgate.example');
    await dsl.put(`/api/staff/students/${session.mentor.id}/availability`).send(slots).expect(403);
  });

  it("lets either school's coordinator set the partnership's programme", async () => {
    const [partnership] = await server.database.db.query.partnerships.findMany();
    const body = { start: '2026-09-14', end: '2027-07-16', goals: 'Confidence in English poetry, then maths.' };
    const riverside = await signInStaff(server, 'coordinator@riverside.example');
    await riverside.put(`/api/staff/partnerships/${partnership!.id}/programme`).send(body).expect(200);
    const northgate = await signInStaff(server, 'coordinator@northgate.example');
    const read = await northgate.get(`/api/staff/partnerships/${partnership!.id}/programme`).expect(200);
    expect(read.body.programme).toMatchObject({ start: '2026-09-14', sessionMinutes: 30, frequency: 'weekly', caseloadLimit: 3 });
    await northgate.put(`/api/staff/partnerships/${partnership!.id}/programme`).send({ ...body, end: '2026-01-01' }).expect(400);
  });

  it("lists a coordinator's partnerships with pairings by first name, and both schools' timetables", async () => {
    const northgate = await signInStaff(server, 'coordinator@northgate.example');
    const list = await northgate.get('/api/staff/partnerships').expect(200);
    expect(list.body.partnerships).toHaveLength(1);
    const [partnership] = list.body.partnerships;
    expect(partnership.pairings).toHaveLength(3);
    expect(JSON.stringify(list.body)).not.toMatch(/Shah|Riley|lastName/);
    const timetables = await northgate.get(`/api/staff/partnerships/${partnership.id}/timetables`).expect(200);
    expect(timetables.body.schools.map((s: { role: string; name: string }) => `${s.role}:${s.name}`)).toEqual([
      'mentor:Northgate Academy',
      'mentee:Riverside High School',
    ]);
    expect(timetables.body.schools[0].bellSchedule['2'][1]).toEqual({ name: 'P1', start: '09:00', end: '09:50' });
    const dsl = await signInStaff(server, 'dsl@northgate.example');
    await dsl.get('/api/staff/partnerships').expect(403);
  });
});
