import { eq } from 'drizzle-orm';
import { pairings } from '../infra/db/schema.js';
import { schoolYearAfter, typicalCalendar } from './calendar-fixtures.js';
import { enrolIPads } from './enrolled-ipads.js';
import { addOtherSchoolAndAdmin } from './other-school.js';
import { signInStaff } from './staff-agent.js';
import type { TestServer } from './test-server.js';

/**
 * Both demo schools with the fixture year's calendars and a programme, every demo pair free on
 * Mondays P2, Tuesdays P1 and Thursdays P3 (each school's own bells), and two weekly series
 * booked: the "later" pair on Tuesdays at 09:00, the "earlier" pair on Thursdays at 11:00.
 * Riverside has the demo's one iPad; Northgate four.
 */
export async function lifecycleFixture(server: TestServer) {
  const year = schoolYearAfter(server.clock.now());
  await addOtherSchoolAndAdmin(server);
  const northgate = await signInStaff(server, 'coordinator@northgate.example');
  const riverside = await signInStaff(server, 'coordinator@riverside.example');
  const hillcrest = await signInStaff(server, 'coordinator@hillcrest.example');
  await northgate.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
  await riverside.put('/api/staff/calendar').send(year.calendar(typicalCalendar())).expect(200);
  await enrolIPads(server, northgate, 3);
  const partnershipId = (await server.database.db.query.partnerships.findFirst())!.id;
  await riverside.put(`/api/staff/partnerships/${partnershipId}/programme`).send(year.programme({ start: '2026-09-14', end: '2027-07-16' })).expect(200);
  const free = {
    slots: [
      { week: 'any', weekday: 1, period: 'P2' },
      { week: 'any', weekday: 2, period: 'P1' },
      { week: 'any', weekday: 4, period: 'P3' },
    ],
  };
  const demo = server.demo!;
  for (const session of demo.sessions) {
    await northgate.put(`/api/staff/students/${session.mentor.id}/availability`).send(free).expect(204);
    await riverside.put(`/api/staff/students/${session.mentee.id}/availability`).send(free).expect(204);
  }
  const pairingOf = async (kind: 'now' | 'later' | 'earlier') => {
    const session = demo.sessions.find((s) => s.kind === kind)!;
    const [row] = await server.database.db.select().from(pairings).where(eq(pairings.mentorId, session.mentor.id));
    return { id: row!.id, mentor: session.mentor, mentee: session.mentee, sessionId: session.id };
  };
  const tuesdays = await pairingOf('later');
  const thursdays = await pairingOf('earlier');
  const now = await pairingOf('now');
  await northgate.post(`/api/staff/pairings/${tuesdays.id}/series`).send({ candidateId: '2@09:00' }).expect(201);
  await northgate.post(`/api/staff/pairings/${thursdays.id}/series`).send({ candidateId: '4@11:00' }).expect(201);
  return { year, northgate, riverside, hillcrest, partnershipId, tuesdays, thursdays, now };
}
