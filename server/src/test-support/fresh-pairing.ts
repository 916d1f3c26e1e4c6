import { pairings, sessionOccurrences, sessionSeries, students } from '../infra/db/schema.js';
import type { TestServer } from './test-server.js';

let made = 0;

/**
 * A new Northgate mentor and Riverside mentee, paired, with a weekly series and two sessions a
 * month from the test clock's now: for the destructive cases (cancel, unpair, archive), each its own.
 */
export async function freshPairing(server: TestServer) {
  const db = server.database.db;
  const demo = server.demo!;
  const [mentorSchool, menteeSchool] = (['mentor', 'mentee'] as const).map((role) => demo.schools.find((s) => s.role === role)!.id);
  const n = ++made;
  // Eligible, as a paired student is: the matcher refuses a kept pair it could not have made.
  const eligible = { parentalConsentAt: new Date(server.clock.now().epochMilliseconds), trainingCompletedAt: new Date(server.clock.now().epochMilliseconds) };
  const [mentor] = await db.insert(students).values({ schoolId: mentorSchool!, firstName: `Fresh${n}`, lastName: 'Mentor', yearGroup: 12, role: 'mentor', ...eligible }).returning();
  const [mentee] = await db.insert(students).values({ schoolId: menteeSchool!, firstName: `Fresh${n}`, lastName: 'Mentee', yearGroup: 11, role: 'mentee', ...eligible }).returning();
  const partnershipId = (await db.query.partnerships.findFirst())!.id;
  const [pairing] = await db.insert(pairings).values({ partnershipId, mentorId: mentor!.id, menteeId: mentee!.id }).returning();
  await db.insert(sessionSeries).values({ pairingId: pairing!.id, pattern: { weekday: 2, localStart: '09:00' } });
  const start = server.clock.now().add({ hours: 24 * 30 }).epochMilliseconds;
  const week = 7 * 24 * 3_600_000;
  const sessions = await db
    .insert(sessionOccurrences)
    // Not linked to the series: a closure in another case re-flows series sessions, and this pair has no calendar data to re-flow with.
    .values([0, 1].map((i) => ({ pairingId: pairing!.id, seriesId: null, startsAt: new Date(start + i * week), endsAt: new Date(start + i * week + 1_800_000) })))
    .returning();
  return { pairingId: pairing!.id, sessionId: sessions[0]!.id, mentorId: mentor!.id, menteeId: mentee!.id };
}
