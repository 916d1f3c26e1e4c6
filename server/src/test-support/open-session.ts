import { hashSecret } from '../services/staff/passwords.js';
import { pairings, sessionOccurrences, students } from '../infra/db/schema.js';
import { DEMO_PIN } from './device-socket.js';
import type { TestServer } from './test-server.js';

let made = 0;

/**
 * A new Northgate mentor and Riverside mentee (both cleared, PIN 1234), paired, with one session
 * happening now by the test clock (started 5 minutes ago, 25 minutes to go): for cases that end a
 * session, which can be done only once.
 */
export async function openFreshSession(server: TestServer) {
  const db = server.database.db;
  const demo = server.demo!;
  const [mentorSchool, menteeSchool] = (['mentor', 'mentee'] as const).map((role) => demo.schools.find((s) => s.role === role)!.id);
  const n = ++made;
  const now = server.clock.now().epochMilliseconds;
  const cleared = { parentalConsentAt: new Date(now), trainingCompletedAt: new Date(now), pinHash: await hashSecret(DEMO_PIN) };
  const [mentor] = await db
    .insert(students)
    .values({ schoolId: mentorSchool!, firstName: `Open${n}`, lastName: 'Mentor', yearGroup: 12, role: 'mentor', ...cleared })
    .returning();
  const [mentee] = await db
    .insert(students)
    .values({ schoolId: menteeSchool!, firstName: `Open${n}`, lastName: 'Mentee', yearGroup: 11, role: 'mentee', ...cleared })
    .returning();
  const partnershipId = (await db.query.partnerships.findFirst())!.id;
  const [pairing] = await db.insert(pairings).values({ partnershipId, mentorId: mentor!.id, menteeId: mentee!.id }).returning();
  const [session] = await db
    .insert(sessionOccurrences)
    .values({ pairingId: pairing!.id, seriesId: null, startsAt: new Date(now - 5 * 60_000), endsAt: new Date(now + 25 * 60_000) })
    .returning();
  return { sessionId: session!.id, mentorId: mentor!.id, menteeId: mentee!.id };
}
