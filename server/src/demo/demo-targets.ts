import { eq, inArray } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../infra/db/database.js';
import { schools, targetReviews, targets } from '../infra/db/schema.js';
import type { DemoProgrammeBase } from './demo-programme.js';

type Status = (typeof targets.$inferInsert)['status'] & string;

interface DemoTarget {
  what: string;
  why: string;
  measure: string;
  /** Days from today (at the mentee's school) of its review date. */
  reviewIn: number;
  status: Status;
  origin: 'pair' | 'school';
  nextStep: string;
  /** Past reviews: days ago, the status it moved to, progress and the next step. */
  history: { daysAgo: number; dueDaysAgo: number; status: Status; progress: string; nextStep: string }[];
}

// The first pairing has the session happening now: one of its targets is due today, so the call shows a review.
const plans: DemoTarget[][] = [
  [
    {
      what: 'Hand in maths homework on time every week',
      why: 'Late homework is costing marks in class tests',
      measure: 'Homework log signed by the maths teacher',
      reviewIn: 0,
      status: 'on_track',
      origin: 'school',
      nextStep: 'Start homework on the day it is set',
      history: [{ daysAgo: 7, dueDaysAgo: 7, status: 'on_track', progress: 'Three out of four on time', nextStep: 'Start homework on the day it is set' }],
    },
    {
      what: 'Revise one English poem each week',
      why: 'Poetry comparison is the weakest part of the mock',
      measure: 'A short summary of each poem in the revision book',
      reviewIn: 14,
      status: 'not_started',
      origin: 'pair',
      nextStep: '',
      history: [],
    },
    {
      what: 'Make a revision timetable',
      why: 'To feel less stressed about the exams',
      measure: 'A timetable on the bedroom wall',
      reviewIn: -14,
      status: 'met',
      origin: 'pair',
      nextStep: 'Keep it up to date',
      history: [
        { daysAgo: 21, dueDaysAgo: 21, status: 'on_track', progress: 'Started a draft', nextStep: 'Finish it this week' },
        { daysAgo: 14, dueDaysAgo: 14, status: 'met', progress: 'Done and being used', nextStep: 'Keep it up to date' },
      ],
    },
  ],
  [
    {
      what: 'Arrive on time for registration',
      why: 'Late marks most weeks this term',
      measure: 'Attendance record: no late marks for three weeks',
      reviewIn: 0,
      status: 'not_met',
      origin: 'school',
      nextStep: 'Set an alarm ten minutes earlier',
      history: [{ daysAgo: 8, dueDaysAgo: 7, status: 'not_met', progress: 'Late twice last week', nextStep: 'Set an alarm ten minutes earlier' }],
    },
    {
      what: 'Ask one question in every science lesson',
      why: 'Builds confidence to speak up',
      measure: 'Tally in the planner',
      reviewIn: 7,
      status: 'on_track',
      origin: 'pair',
      nextStep: '',
      history: [],
    },
  ],
  [
    {
      what: 'Read for twenty minutes a day',
      why: 'Reading age is below the year group',
      measure: 'Reading diary',
      reviewIn: 7,
      status: 'on_track',
      origin: 'pair',
      nextStep: 'Try a book from the library list',
      history: [{ daysAgo: 7, dueDaysAgo: 7, status: 'on_track', progress: 'Five days out of seven', nextStep: 'Try a book from the library list' }],
    },
  ],
];

/** Targets for the demo pairings with some review history; a pairing that has targets already is left as it is. */
export async function seedDemoTargets(db: Db, now: Temporal.Instant, base: DemoProgrammeBase): Promise<void> {
  const [school] = await db.select({ timeZone: schools.timeZone }).from(schools).where(eq(schools.id, base.menteeSchoolId));
  const today = now.toZonedDateTimeISO(school?.timeZone ?? 'Europe/London').toPlainDate();
  const has = await db
    .selectDistinct({ pairingId: targets.pairingId })
    .from(targets)
    .where(inArray(targets.pairingId, base.pairings.map((p) => p.id)));
  const seeded = new Set(has.map((r) => r.pairingId));
  const day = (offset: number) => today.add({ days: offset }).toString();
  const at = (daysAgo: number) => new Date(now.subtract({ hours: 24 * daysAgo }).epochMilliseconds);

  await db.transaction(async (tx) => {
    for (const [i, pairing] of base.pairings.entries()) {
      if (seeded.has(pairing.id)) continue;
      for (const plan of plans[i] ?? []) {
        const created = at(plan.history.length > 0 ? plan.history[0]!.daysAgo + 7 : 3);
        const [row] = await tx
          .insert(targets)
          .values({
            pairingId: pairing.id,
            what: plan.what,
            why: plan.why,
            measure: plan.measure,
            reviewOn: day(plan.reviewIn),
            status: plan.status,
            origin: plan.origin,
            nextStep: plan.nextStep,
            createdAt: created,
            updatedAt: created,
          })
          .returning({ id: targets.id });
        for (const review of plan.history) {
          await tx.insert(targetReviews).values({
            targetId: row!.id,
            byId: pairing.mentor.id,
            at: at(review.daysAgo),
            status: review.status,
            progress: review.progress,
            nextStep: review.nextStep,
            dueOn: day(-review.dueDaysAgo),
          });
        }
      }
    }
  });
}
