import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChronologyEntry } from '@peerbridge/shared';
import { pairings, schools, sessionOccurrences, students } from '../../infra/db/schema.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** A child's chronology on both databases: concerns, sessions and flags together, in order, in words. */
describe.each(testDatabaseKinds())('a child’s chronology on %s', (kind) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => stopTestServer(server));

  it('shows a held session, a missed one, a blocked chat message and a concern, oldest first, with the partner by first name, year and school', async () => {
    const db = server.database.db;
    const now = server.demo!.sessions.find((s) => s.kind === 'now')!;
    const child = now.mentor.id;
    const [pairing] = await db.select().from(pairings).where(eq(pairings.mentorId, child));
    const [partner] = await db
      .select({ firstName: students.firstName, yearGroup: students.yearGroup, schoolName: schools.name })
      .from(students)
      .innerJoin(schools, eq(schools.id, students.schoolId))
      .where(eq(students.id, pairing!.menteeId));
    const clock = server.clock.now();
    const past = async (daysAgo: number, status: 'scheduled' | 'cancelled' = 'scheduled') => {
      const start = clock.subtract({ hours: 24 * daysAgo });
      const [row] = await db
        .insert(sessionOccurrences)
        .values({ pairingId: pairing!.id, startsAt: new Date(start.epochMilliseconds), endsAt: new Date(start.add({ minutes: 30 }).epochMilliseconds), status })
        .returning();
      return { id: row!.id, start };
    };

    // Three days ago: held, with a phone number the chat stopped. Two days ago: only the partner came. One day ago: cancelled.
    const held = await past(3);
    await server.events.append({ occurrenceId: held.id, type: 'SessionJoined', actor: child, at: held.start.add({ minutes: 1 }) });
    await server.events.append({ occurrenceId: held.id, type: 'ChatMessageBlocked', actor: child, at: held.start.add({ minutes: 5 }), detail: { text: 'ring me 07700 900123', contactKinds: ['phone'] } });
    const missed = await past(2);
    await server.events.append({ occurrenceId: missed.id, type: 'SessionJoined', actor: pairing!.menteeId, at: missed.start.add({ minutes: 1 }) });
    const cancelled = await past(1, 'cancelled');

    const dsl = await signInStaff(server, 'dsl@northgate.example');
    await dsl.post('/api/staff/concerns').send({ sessionId: now.id, studentIds: [child], whatHappened: 'Seemed upset.' }).expect(201);

    const { chronology } = (await dsl.get(`/api/staff/students/${child}/chronology`).expect(200)).body as { chronology: ChronologyEntry[] };
    const withPartner = `the session with ${partner!.firstName} (Year ${partner!.yearGroup}, ${partner!.schoolName})`;
    const ours = chronology.filter((e) => e.source === 'concern' || [held.id, missed.id, cancelled.id].includes(e.sessionId));
    expect(ours.map((e) => [e.source, e.kind, e.summary])).toEqual([
      ['session', 'held', `Held: ${now.mentor.firstName} joined ${withPartner}.`],
      ['flag', 'chat_blocked', `${now.mentor.firstName} tried to send a phone number; the message was not delivered.`],
      ['session', 'missed', `Missed: ${now.mentor.firstName} did not join ${withPartner}.`],
      ['concern', 'raised', expect.stringContaining('Seemed upset.')],
    ]);
    expect(ours[1]).toMatchObject({ quote: 'ring me 07700 900123' });
    // Every line, whatever else the demo timetable holds, is in date order and in words.
    const instants = chronology.map((e) => Date.parse(e.at));
    expect(instants).toEqual([...instants].sort((a, b) => a - b));
    for (const entry of chronology) expect(entry.summary).not.toMatch(UUID);
  });

  it('is refused to a DSL of a school the child is not in, before anything is read', async () => {
    const now = server.demo!.sessions.find((s) => s.kind === 'now')!;
    const other = await signInStaff(server, 'dsl@riverside.example');
    await other.get(`/api/staff/students/${now.mentor.id}/chronology`).expect(403);
  });
});
