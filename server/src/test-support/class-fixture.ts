import { hashSecret } from '../services/staff/passwords.js';
import { devices, pairings, sessionOccurrences, students } from '../infra/db/schema.js';
import type { TestServer } from './test-server.js';

export interface ClassMember {
  studentId: string;
  sessionId: string;
  /** The Northgate iPad this pupil uses, as a bearer device token. */
  deviceToken: string;
}

/**
 * A whole class of Northgate mentors (consent and training on record, PIN 1234),
 * each paired with a Riverside mentee, each in a session open now, each on an
 * iPad of their own school: the morning rush a school's single address carries.
 */
export async function addClassInSessionNow(server: TestServer, size: number): Promise<ClassMember[]> {
  const db = server.database.db;
  const northgate = server.demo!.schools.find((s) => s.role === 'mentor')!;
  const riverside = server.demo!.schools.find((s) => s.role === 'mentee')!;
  const [{ partnershipId }] = (await db.select({ partnershipId: pairings.partnershipId }).from(pairings).limit(1)) as [{ partnershipId: string }];
  const pinHash = await hashSecret('1234');
  const now = server.clock.now();
  const recorded = new Date(now.epochMilliseconds);
  const members: ClassMember[] = [];
  for (let i = 1; i <= size; i++) {
    const [mentor] = await db
      .insert(students)
      .values({ schoolId: northgate.id, role: 'mentor', firstName: `Pupil${i}`, lastName: 'Class', yearGroup: 12, pinHash, trainingCompletedAt: recorded })
      .returning({ id: students.id });
    const [mentee] = await db
      .insert(students)
      .values({ schoolId: riverside.id, role: 'mentee', firstName: `Mentee${i}`, lastName: 'Class', yearGroup: 11, pinHash, parentalConsentAt: recorded })
      .returning({ id: students.id });
    const [pairing] = await db.insert(pairings).values({ partnershipId, mentorId: mentor!.id, menteeId: mentee!.id }).returning({ id: pairings.id });
    const [session] = await db
      .insert(sessionOccurrences)
      .values({ pairingId: pairing!.id, startsAt: new Date(now.subtract({ minutes: 5 }).epochMilliseconds), endsAt: new Date(now.add({ minutes: 55 }).epochMilliseconds) })
      .returning({ id: sessionOccurrences.id });
    // Given its token directly, so enrolled from the start; named after its pupil, as labels are unique per school.
    const [device] = await db
      .insert(devices)
      .values({ schoolId: northgate.id, label: `Class iPad ${mentor!.id.slice(0, 8)}`, redeemedAt: recorded })
      .returning({ id: devices.id });
    members.push({ studentId: mentor!.id, sessionId: session!.id, deviceToken: await server.deviceTokens.issue(device!.id, northgate.id) });
  }
  return members;
}
