import { and, eq, gt, lt } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { DeviceTokens } from '../services/devices/device-tokens.js';
import { hashSecret } from '../services/staff/passwords.js';
import { seedDemoProgramme } from './demo-programme.js';
import { seedDemoScheduling } from './demo-scheduling.js';
import { schoolDayAt } from '../domain/time/school-day.js';
import type { Db } from '../infra/db/database.js';
import { devices, pairings, partnerships, schools, sessionOccurrences, staff, students } from '../infra/db/schema.js';

/*
 * Demo data: two schools in one partnership, three pairings, one iPad each,
 * and sessions today around the current time, so a new user can try a call
 * at once. Safe to run on every start: it creates what is missing and
 * refreshes today's sessions only when none is usable now.
 */

export const DEMO_MENTOR_SCHOOL = 'Northgate Academy';
export const DEMO_MENTEE_SCHOOL = 'Riverside High School';

const mentors = [
  { firstName: 'Priya', lastName: 'Shah', yearGroup: 12 },
  { firstName: 'Tom', lastName: 'Okafor', yearGroup: 13 },
  { firstName: 'Ellie', lastName: 'Morgan', yearGroup: 12 },
];
const mentees = [
  { firstName: 'Sam', lastName: 'Riley', yearGroup: 11 },
  { firstName: 'Aisha', lastName: 'Khan', yearGroup: 11 },
  { firstName: 'Jack', lastName: 'Evans', yearGroup: 11 },
];

/** Demo sign-ins, printed at start-up. Never used outside demo data. */
export const DEMO_STAFF_PASSWORD = 'demo-password-1';
export const DEMO_STUDENT_PIN = '1234';

export const demoStaff = [
  { school: 'mentor', role: 'coordinator', email: 'coordinator@northgate.example', fullName: 'Ms Dana Hill' },
  { school: 'mentor', role: 'dsl', email: 'dsl@northgate.example', fullName: 'Mr Ravi Patel' },
  { school: 'mentor', role: 'supervisor', email: 'supervisor@northgate.example', fullName: 'Mrs Jo Walsh' },
  { school: 'mentee', role: 'coordinator', email: 'coordinator@riverside.example', fullName: 'Mr Owen Price' },
  { school: 'mentee', role: 'dsl', email: 'dsl@riverside.example', fullName: 'Ms Grace Adeyemi' },
  { school: 'mentee', role: 'supervisor', email: 'supervisor@riverside.example', fullName: 'Mr Luke Brennan' },
] as const;

export interface DemoManifest {
  schools: { id: string; name: string; role: 'mentor' | 'mentee'; deviceId: string; deviceToken: string }[];
  sessions: {
    id: string;
    mentor: { id: string; firstName: string };
    mentee: { id: string; firstName: string };
    startsAt: string;
    endsAt: string;
    kind: 'now' | 'later' | 'earlier';
  }[];
}

const toDate = (i: Temporal.Instant) => new Date(i.epochMilliseconds);

export async function seedDemo(db: Db, now: Temporal.Instant, tokens: DeviceTokens): Promise<DemoManifest> {
  const { partnershipId, schoolRows, pairingRows, deviceRows } = await db.transaction(async (tx) => {
    const mentorSchool = await ensureSchool(tx, DEMO_MENTOR_SCHOOL);
    const menteeSchool = await ensureSchool(tx, DEMO_MENTEE_SCHOOL);
    const partnershipId = await ensurePartnership(tx, mentorSchool, menteeSchool);
    for (const member of demoStaff) {
      await ensureStaff(tx, member.school === 'mentor' ? mentorSchool : menteeSchool, member);
    }
    const pairs = [];
    for (let i = 0; i < mentors.length; i++) {
      const mentor = await ensureStudent(tx, mentorSchool, 'mentor', mentors[i]!, now);
      const mentee = await ensureStudent(tx, menteeSchool, 'mentee', mentees[i]!, now);
      pairs.push({ id: await ensurePairing(tx, partnershipId, mentor.id, mentee.id), mentor, mentee });
    }
    return {
      partnershipId,
      schoolRows: { mentorSchool, menteeSchool },
      pairingRows: pairs,
      deviceRows: {
        mentor: await ensureDevice(tx, mentorSchool, 'Library iPad 1', now),
        mentee: await ensureDevice(tx, menteeSchool, 'Learning Centre iPad 1', now),
      },
    };
  });

  await seedDemoScheduling(db, now, {
    partnershipId,
    mentorSchoolId: schoolRows.mentorSchool.id,
    menteeSchoolId: schoolRows.menteeSchool.id,
    mentorIds: pairingRows.map((p) => p.mentor.id),
    menteeIds: pairingRows.map((p) => p.mentee.id),
  });

  const plans = demoSessionTimes(now);
  const sessions: DemoManifest['sessions'] = [];
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i]!;
    const pairing = pairingRows[i]!;
    const occurrence = await ensureOccurrence(db, pairing.id, plan.kind, plan.start, plan.minutes, now);
    sessions.push({
      id: occurrence.id,
      kind: plan.kind,
      mentor: { id: pairing.mentor.id, firstName: pairing.mentor.firstName },
      mentee: { id: pairing.mentee.id, firstName: pairing.mentee.firstName },
      startsAt: occurrence.startsAt.toISOString(),
      endsAt: occurrence.endsAt.toISOString(),
    });
  }

  await seedDemoProgramme(db, now, {
    partnershipId,
    mentorSchoolId: schoolRows.mentorSchool.id,
    menteeSchoolId: schoolRows.menteeSchool.id,
    pairings: pairingRows.map((p) => ({ id: p.id, mentor: p.mentor, mentee: p.mentee })),
  });

  return {
    schools: [
      { ...schoolRows.mentorSchool, role: 'mentor', deviceId: deviceRows.mentor, deviceToken: await tokens.issue(deviceRows.mentor, schoolRows.mentorSchool.id) },
      { ...schoolRows.menteeSchool, role: 'mentee', deviceId: deviceRows.mentee, deviceToken: await tokens.issue(deviceRows.mentee, schoolRows.menteeSchool.id) },
    ],
    sessions,
  };
}

/**
 * Today's demo sessions around now, on a five-minute grid: one open now, one
 * later today and one already over today. Late in the evening or just after
 * midnight "later" and "earlier" are squeezed into what is left of the school's
 * day so that all three still show on today's list.
 */
export function demoSessionTimes(now: Temporal.Instant) {
  const grid = Temporal.Instant.fromEpochMilliseconds(Math.floor(now.epochMilliseconds / 300_000) * 300_000);
  const day = schoolDayAt(now, 'Europe/London');
  const before = (a: Temporal.Instant, b: Temporal.Instant) => Temporal.Instant.compare(a, b) < 0;

  // "Later" only has to start before midnight (it may run on past it) and after its join window opens.
  let later = grid.add({ minutes: 90 });
  const soonest = Temporal.Instant.fromEpochMilliseconds(Math.ceil(now.add({ minutes: 6 }).epochMilliseconds / 60_000) * 60_000);
  if (!before(later, day.end) && before(soonest, day.end)) later = soonest;

  let earlier = grid.subtract({ minutes: 120 });
  let earlierMinutes = 30;
  if (before(earlier, day.start)) {
    earlier = day.start;
    earlierMinutes = Math.min(30, Math.floor(earlier.until(now).total('minutes')) - 1);
    if (earlierMinutes < 1) [earlier, earlierMinutes] = [grid.subtract({ minutes: 120 }), 30];
  }
  return [
    { kind: 'now' as const, start: grid.subtract({ minutes: 5 }), minutes: 60 },
    { kind: 'later' as const, start: later, minutes: 30 },
    { kind: 'earlier' as const, start: earlier, minutes: earlierMinutes },
  ];
}

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

async function ensureSchool(tx: Tx, name: string) {
  const [found] = await tx.select({ id: schools.id, name: schools.name }).from(schools).where(eq(schools.name, name)).limit(1);
  if (found) return found;
  const [created] = await tx.insert(schools).values({ name, timeZone: 'Europe/London' }).returning({ id: schools.id, name: schools.name });
  return created!;
}

async function ensurePartnership(tx: Tx, mentorSchool: { id: string }, menteeSchool: { id: string }) {
  const where = and(eq(partnerships.mentorSchoolId, mentorSchool.id), eq(partnerships.menteeSchoolId, menteeSchool.id));
  const [found] = await tx.select({ id: partnerships.id }).from(partnerships).where(where).limit(1);
  if (found) return found.id;
  const [created] = await tx
    .insert(partnerships)
    .values({ name: 'Northgate–Riverside mentoring', mentorSchoolId: mentorSchool.id, menteeSchoolId: menteeSchool.id })
    .returning({ id: partnerships.id });
  return created!.id;
}

async function ensureStaff(tx: Tx, school: { id: string }, member: (typeof demoStaff)[number]) {
  const [found] = await tx.select({ id: staff.id }).from(staff).where(eq(staff.email, member.email)).limit(1);
  if (found) return;
  await tx.insert(staff).values({
    schoolId: school.id,
    email: member.email,
    fullName: member.fullName,
    roles: [member.role],
    passwordHash: await hashSecret(DEMO_STAFF_PASSWORD),
  });
}

async function ensureStudent(
  tx: Tx,
  school: { id: string },
  role: 'mentor' | 'mentee',
  person: { firstName: string; lastName: string; yearGroup: number },
  now: Temporal.Instant,
) {
  const where = and(eq(students.schoolId, school.id), eq(students.firstName, person.firstName), eq(students.lastName, person.lastName));
  const [found] = await tx.select({ id: students.id, firstName: students.firstName }).from(students).where(where).limit(1);
  if (found) return found;
  // Demo students have their consent and training on record and a known PIN.
  const recorded = toDate(now);
  const [created] = await tx
    .insert(students)
    .values({
      schoolId: school.id,
      role,
      ...person,
      pinHash: await hashSecret(DEMO_STUDENT_PIN),
      ...(role === 'mentee' ? { parentalConsentAt: recorded } : { trainingCompletedAt: recorded }),
    })
    .returning({ id: students.id, firstName: students.firstName });
  return created!;
}

async function ensurePairing(tx: Tx, partnershipId: string, mentorId: string, menteeId: string) {
  const [found] = await tx
    .select({ id: pairings.id })
    .from(pairings)
    .where(and(eq(pairings.mentorId, mentorId), eq(pairings.menteeId, menteeId)))
    .limit(1);
  if (found) return found.id;
  const [created] = await tx.insert(pairings).values({ partnershipId, mentorId, menteeId }).returning({ id: pairings.id });
  return created!.id;
}

/**
 * The demo's one iPad per school, handed its token directly, so it is enrolled from
 * the start: each school's pool is exactly this one iPad.
 */
async function ensureDevice(tx: Tx, school: { id: string }, label: string, now: Temporal.Instant) {
  const [found] = await tx
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.schoolId, school.id), eq(devices.label, label)))
    .limit(1);
  if (found) return found.id;
  const [created] = await tx
    .insert(devices)
    .values({ schoolId: school.id, label, room: label.replace(/ iPad \d+$/, ''), redeemedAt: toDate(now) })
    .returning({ id: devices.id });
  return created!.id;
}

/** Reuses a session of the same kind that still fits the plan; otherwise adds the planned one. */
async function ensureOccurrence(
  db: Db,
  pairingId: string,
  kind: 'now' | 'later' | 'earlier',
  start: Temporal.Instant,
  minutes: number,
  now: Temporal.Instant,
) {
  const nowDate = toDate(now);
  const fits =
    kind === 'now'
      ? and(lt(sessionOccurrences.startsAt, nowDate), gt(sessionOccurrences.endsAt, toDate(now.add({ minutes: 30 }))))
      : kind === 'later'
        ? and(gt(sessionOccurrences.startsAt, toDate(now.add({ minutes: 5 }))), lt(sessionOccurrences.startsAt, toDate(now.add({ hours: 3 }))))
        : and(lt(sessionOccurrences.endsAt, nowDate), gt(sessionOccurrences.startsAt, toDate(now.subtract({ hours: 4 }))));
  const [found] = await db
    .select()
    .from(sessionOccurrences)
    .where(and(eq(sessionOccurrences.pairingId, pairingId), eq(sessionOccurrences.status, 'scheduled'), fits))
    .limit(1);
  if (found) return found;
  const [created] = await db
    .insert(sessionOccurrences)
    .values({ pairingId, startsAt: toDate(start), endsAt: toDate(start.add({ minutes })) })
    .returning();
  return created!;
}
