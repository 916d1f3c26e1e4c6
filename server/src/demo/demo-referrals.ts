import { and, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../infra/db/database.js';
import { mentorTraining, referrals, staff } from '../infra/db/schema.js';
import type { DemoProgrammeBase } from './demo-programme.js';

const DAY = 24 * 3_600_000;

/**
 * A few referrals at Riverside in different states (one ready to pair, one new self-referral, one
 * withdrawn last term) and one mentor application at Northgate with its training on record. The demo's
 * students already have consent and training on their records, so no referral here waits for consent
 * (that would contradict the record); the third mentee is left with no open referral, free to refer.
 */
export async function seedDemoReferrals(db: Db, now: Temporal.Instant, base: DemoProgrammeBase): Promise<void> {
  const at = (daysAgo: number) => new Date(now.epochMilliseconds - daysAgo * DAY);
  const coordinator = async (email: string) => (await db.select({ id: staff.id }).from(staff).where(eq(staff.email, email)).limit(1))[0]?.id;
  const owen = await coordinator('coordinator@riverside.example');
  const dana = await coordinator('coordinator@northgate.example');
  if (!owen || !dana) return;
  const [sam, aisha, jack] = base.pairings.map((p) => p.mentee.id);
  const ellie = base.pairings[2]?.mentor.id;
  const seeded = async (studentId: string, kind: 'mentee' | 'mentor') =>
    (await db.select({ id: referrals.id }).from(referrals).where(and(eq(referrals.studentId, studentId), eq(referrals.kind, kind))).limit(1)).length > 0;
  const riverside = { schoolId: base.menteeSchoolId, kind: 'mentee' as const, referredBy: owen };

  if (sam && !(await seeded(sam, 'mentee'))) {
    await db.insert(referrals).values({
      ...riverside,
      studentId: sam,
      source: 'staff',
      reasons: ['Attainment', 'Exam stress'],
      note: 'Head of Year 11: grades slipping in English since the autumn mocks.',
      status: 'ready_to_pair',
      statusChangedAt: at(20),
      optInAt: at(25),
      optInAskedBy: owen,
      optInRecordedBy: owen,
      consentRequestedAt: at(24),
      consentRequestedBy: owen,
      createdAt: at(28),
    });
  }
  if (aisha && !(await seeded(aisha, 'mentee'))) {
    await db.insert(referrals).values({
      ...riverside,
      studentId: aisha,
      source: 'self',
      reasons: ['Self-esteem', 'Transition'],
      note: 'Asked her tutor about mentoring herself; wants help thinking about sixth form.',
      statusChangedAt: at(2),
      createdAt: at(2),
    });
  }
  if (jack && !(await seeded(jack, 'mentee'))) {
    await db.insert(referrals).values({
      ...riverside,
      studentId: jack,
      source: 'staff',
      reasons: ['Attendance or punctuality'],
      note: 'Late most mornings this term.',
      status: 'withdrawn',
      statusChangedAt: at(90),
      statusReason: 'Attendance improved after a meeting with home; to revisit next term.',
      createdAt: at(110),
    });
  }
  if (ellie && !(await seeded(ellie, 'mentor'))) {
    await db.insert(referrals).values({
      schoolId: base.mentorSchoolId,
      studentId: ellie,
      kind: 'mentor',
      source: 'self',
      referredBy: dana,
      note: 'Wants to help Year 11s with maths; applied after the assembly.',
      status: 'ready_to_pair',
      statusChangedAt: at(30),
      optInAt: at(40),
      optInAskedBy: dana,
      optInRecordedBy: dana,
      createdAt: at(42),
    });
    await db.insert(mentorTraining).values({ studentId: ellie, course: 'Child protection and confidentiality', completedOn: now.toZonedDateTimeISO('Europe/London').toPlainDate().subtract({ days: 32 }).toString(), recordedBy: dana });
  }
}
