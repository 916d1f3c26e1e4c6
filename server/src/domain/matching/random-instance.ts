import type { MatchingInput, Mentee, Mentor, PairRef } from './matching-input.js';
import { seededRandom } from './seeded-random.js';

/**
 * Seeded partnerships for the property tests and the benchmark (not used by
 * the app). Shaped like real ones: a handful of GCSE subjects with topics,
 * needs and strengths named either as a whole subject or a topic, and shared
 * slots sparse because timetables overlap only for some pairs.
 */
export const SUBJECT_TOPICS: Readonly<Record<string, readonly string[]>> = {
  english: ['poetry', 'shakespeare', 'language', 'essay-writing'],
  maths: ['algebra', 'geometry', 'statistics', 'number'],
  biology: ['cells', 'genetics', 'ecology'],
  chemistry: ['bonding', 'rates', 'organic'],
  physics: ['forces', 'electricity', 'waves'],
  history: ['cold-war', 'medicine', 'elizabethans'],
  geography: ['rivers', 'cities', 'climate'],
  french: ['speaking', 'writing', 'listening'],
  computing: ['python', 'algorithms', 'networks'],
  'religious-studies': ['ethics', 'beliefs'],
};

export interface RandomInstanceOptions {
  mentees: number;
  mentors: number;
  /** Inclusive ranges. */
  needsPerMentee: [number, number];
  strengthsPerMentor: [number, number];
  /** How many mentors each mentee shares at least one slot with. */
  partnersPerMentee: [number, number];
  /** Shared slots of a sharing pair: 1..this, skewed towards few. */
  maxSharedSlots: number;
  caseloadLimit: number;
  /** Existing caseload per mentor: 0..this. */
  maxCurrentCaseload: number;
  ineligibleShare: number;
  /** Use only the first n subjects (small instances need overlaps and ties). */
  subjects?: number;
  /** Share of sharing pairs a coordinator has rejected. */
  excludedShare?: number;
  /** Share of eligible mentees already locked to a sharing mentor with room. */
  lockedShare?: number;
}

export function randomInstance(seed: number, o: RandomInstanceOptions): MatchingInput & { sharedSlots: Map<string, Map<string, number>> } {
  const rnd = seededRandom(seed);
  const subjects = Object.keys(SUBJECT_TOPICS).slice(0, o.subjects ?? Infinity);
  const item = () => {
    const subject = rnd.pick(subjects);
    // About a third name a whole subject ("maths"), the rest a topic in it.
    return rnd.next() < 0.35 ? subject : `${subject}:${rnd.pick(SUBJECT_TOPICS[subject]!)}`;
  };
  const items = ([min, max]: [number, number]) => [...new Set(Array.from({ length: rnd.int(min, max) }, item))];
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const w = String(Math.max(o.mentees, o.mentors)).length;

  const mentees: Mentee[] = Array.from({ length: o.mentees }, (_, i) => ({
    id: `mentee-${pad(i, w)}`,
    needs: items(o.needsPerMentee),
    eligible: rnd.next() >= o.ineligibleShare,
  }));
  const mentors: Mentor[] = Array.from({ length: o.mentors }, (_, i) => ({
    id: `mentor-${pad(i, w)}`,
    strengths: items(o.strengthsPerMentor),
    eligible: rnd.next() >= o.ineligibleShare,
    currentCaseload: rnd.int(0, o.maxCurrentCaseload),
  }));

  const slotCounts = [1, 1, 2, 2, 3, 4, 5, 6].filter((n) => n <= o.maxSharedSlots);
  const sharedSlots = new Map<string, Map<string, number>>();
  const excluded: PairRef[] = [];
  const locked: PairRef[] = [];
  const room = new Map(mentors.map((m) => [m.id, o.caseloadLimit - m.currentCaseload]));
  for (const mentee of mentees) {
    const partners = rnd.sample(mentors, rnd.int(o.partnersPerMentee[0], o.partnersPerMentee[1]));
    const row = new Map<string, number>();
    for (const mentor of partners) row.set(mentor.id, rnd.pick(slotCounts.length > 0 ? slotCounts : [1]));
    sharedSlots.set(mentee.id, row);
    const lockable = partners.find((m) => m.eligible && (room.get(m.id) ?? 0) > 0);
    const lock = mentee.eligible && lockable !== undefined && rnd.next() < (o.lockedShare ?? 0);
    if (lock) {
      locked.push({ menteeId: mentee.id, mentorId: lockable.id });
      room.set(lockable.id, room.get(lockable.id)! - 1);
    }
    for (const mentor of partners) {
      if (lock && mentor === lockable) continue;
      if (rnd.next() < (o.excludedShare ?? 0)) excluded.push({ menteeId: mentee.id, mentorId: mentor.id });
    }
  }
  return { mentees, mentors, caseloadLimit: o.caseloadLimit, sharedSlots, excluded, locked };
}
