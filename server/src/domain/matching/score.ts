import { subjectWords } from '@peerbridge/shared';
import type { Mentee, Mentor } from './matching-input.js';

/**
 * How good one mentor–mentee pair is, in parts a coordinator can read on the
 * pairing board. Every part is rounded to hundredths and the total is the sum
 * of the rounded parts, so the explanation always adds up, and the optimiser
 * can work on exact integers (hundredths) with no float ties.
 */
export interface ScoreParts {
  /** 0..SUBJECT_FIT_WEIGHT: how well the mentor's strengths cover the mentee's needs. */
  subjectFit: number;
  /** 0..SLOT_AVAILABILITY_WEIGHT: how safely the two can meet every week. */
  slotAvailability: number;
  /** 0..CASELOAD_BALANCE_WEIGHT: how much room the mentor has left. */
  caseloadBalance: number;
  total: number;
}

/**
 * Subject fit weighs most: the programme exists to help with the mentee's
 * subjects (the seed school started with English poetry, then maths).
 */
export const SUBJECT_FIT_WEIGHT = 6;
/**
 * Slots come second: a pair that can meet is already guaranteed (pairs with no
 * shared slot are never candidates); this part only prefers resilient pairs.
 */
export const SLOT_AVAILABILITY_WEIGHT = 3;
/**
 * A small nudge towards mentors with fewer existing mentees: a sixth-former's
 * first mentee gets more attention than their third. It is small because a
 * good subject fit matters more than an even spread.
 */
export const CASELOAD_BALANCE_WEIGHT = 1;
export const MAX_SCORE = SUBJECT_FIT_WEIGHT + SLOT_AVAILABILITY_WEIGHT + CASELOAD_BALANCE_WEIGHT;

/** Mentor is strong in exactly the topic the mentee needs (or both name the same whole subject). */
export const EXACT_TOPIC_FIT = 1;
/** One side names the whole subject, the other a topic in it: likely, but not certain, to help. */
export const SUBJECT_LEVEL_FIT = 0.7;
/** Same subject, different topics: the mentor knows the ground but not that corner of it. */
export const SIBLING_TOPIC_FIT = 0.4;

/**
 * Fraction of the slot weight by number of shared slots. Diminishing returns:
 * with one slot a single clash or closure loses the week, which is a real risk;
 * two give a fallback; three or more are comfortable and more add nothing.
 */
export const SLOT_CURVE: readonly number[] = [0, 0.4, 0.75, 1];

export interface Topic {
  subject: string;
  /** Null when the whole subject is named. */
  topic: string | null;
}

/** Case and stray spaces differ between schools' exports; they should not change a match. */
export function parseTopic(raw: string): Topic {
  const [subject = '', ...rest] = raw.trim().toLowerCase().split(':');
  const topic = rest.join(':').trim();
  return { subject: subject.trim(), topic: topic === '' ? null : topic };
}

export function topicFit(need: Topic, strength: Topic): number {
  if (need.subject === '' || need.subject !== strength.subject) return 0;
  if (need.topic === strength.topic) return EXACT_TOPIC_FIT;
  if (need.topic === null || strength.topic === null) return SUBJECT_LEVEL_FIT;
  return SIBLING_TOPIC_FIT;
}

/**
 * The mean over needs of the best strength for each. A mean, not a sum, so a
 * mentee with three needs is not preferred over one with a single need; a
 * mentee with no subject need (referred for attendance, say) gets 0 from
 * every mentor, which leaves the choice to the other parts.
 */
export function subjectFitFraction(needs: readonly Topic[], strengths: readonly Topic[]): number {
  if (needs.length === 0) return 0;
  let sum = 0;
  for (const need of needs) {
    let best = 0;
    for (const strength of strengths) best = Math.max(best, topicFit(need, strength));
    sum += best;
  }
  return sum / needs.length;
}

export function slotFraction(sharedSlots: number): number {
  if (sharedSlots <= 0) return 0;
  return SLOT_CURVE[Math.min(sharedSlots, SLOT_CURVE.length - 1)] ?? 1;
}

export function caseloadFraction(currentCaseload: number, caseloadLimit: number): number {
  return Math.max(0, Math.min(1, (caseloadLimit - currentCaseload) / caseloadLimit));
}

const hundredths = (x: number) => Math.round(x * 100);

/** The hot path: topics already parsed, result in integer hundredths. */
export function scoreTopicsHundredths(
  needs: readonly Topic[],
  strengths: readonly Topic[],
  sharedSlots: number,
  currentCaseload: number,
  caseloadLimit: number,
): { subjectFit: number; slotAvailability: number; caseloadBalance: number } {
  return {
    subjectFit: hundredths(SUBJECT_FIT_WEIGHT * subjectFitFraction(needs, strengths)),
    slotAvailability: hundredths(SLOT_AVAILABILITY_WEIGHT * slotFraction(sharedSlots)),
    caseloadBalance: hundredths(CASELOAD_BALANCE_WEIGHT * caseloadFraction(currentCaseload, caseloadLimit)),
  };
}

export function partsFromHundredths(h: { subjectFit: number; slotAvailability: number; caseloadBalance: number }): ScoreParts {
  return {
    subjectFit: h.subjectFit / 100,
    slotAvailability: h.slotAvailability / 100,
    caseloadBalance: h.caseloadBalance / 100,
    total: (h.subjectFit + h.slotAvailability + h.caseloadBalance) / 100,
  };
}

/** Exact integer form of a total, for sums and comparisons without float drift. */
export function totalHundredths(parts: ScoreParts): number {
  return Math.round(parts.total * 100);
}

export function scorePair(
  mentee: Pick<Mentee, 'needs'>,
  mentor: Pick<Mentor, 'strengths' | 'currentCaseload'>,
  sharedSlots: number,
  caseloadLimit: number,
): ScoreParts {
  return partsFromHundredths(
    scoreTopicsHundredths(
      mentee.needs.map(parseTopic),
      mentor.strengths.map(parseTopic),
      sharedSlots,
      mentor.currentCaseload,
      caseloadLimit,
    ),
  );
}

/** Sentences for the pairing board, one per need plus the slots. */
export function explainPair(mentee: Pick<Mentee, 'needs'>, mentor: Pick<Mentor, 'strengths'>, sharedSlots: number): string[] {
  const strengths = mentor.strengths.map((raw) => ({ raw, topic: parseTopic(raw) }));
  const lines = mentee.needs.map((need) => {
    const n = parseTopic(need);
    let best: { raw: string; topic: Topic; fit: number } | null = null;
    for (const s of strengths) {
      const fit = topicFit(n, s.topic);
      if (fit > 0 && (best === null || fit > best.fit)) best = { ...s, fit };
    }
    if (best === null) return `No mentor strength in ${subjectWords(need)}`;
    if (best.fit === EXACT_TOPIC_FIT) return `Strong subject match: ${subjectWords(need)}`;
    const subject = subjectWords(n.subject);
    if (best.fit === SUBJECT_LEVEL_FIT) {
      return n.topic ? `Subject match: ${subject} (${n.topic} wanted; the mentor offers ${subject} in general)` : `Subject match: ${subject} (the mentor offers ${subjectWords(best.raw)})`;
    }
    return `Same subject, other topic: ${subject} (${n.topic} wanted; the mentor offers ${best.topic.topic})`;
  });
  const slotNote = sharedSlots === 1 ? 'Only one shared free period, so a single clash loses the week' : `${sharedSlots} shared free periods a week`;
  return [...lines, slotNote];
}
