import { describe, expect, it } from 'vitest';
import { assignOptimal } from './assign.js';
import { assignGreedy } from './greedy.js';
import { DEFAULT_CASELOAD_LIMIT, pairKey, sharedSlotsOf, type MatchingInput } from './matching-input.js';
import type { MatchingResult } from './matching-result.js';
import { randomInstance, type RandomInstanceOptions } from './random-instance.js';
import { scorePair, totalHundredths } from './score.js';
import { seededRandom } from './seeded-random.js';

/** (mentees matched, score in hundredths): the order the optimiser maximises in. */
type Objective = [count: number, hundredths: number];
const objective = (r: MatchingResult): Objective => [r.suggestions.length, Math.round(r.totalScore * 100)];
const atLeast = (a: Objective, b: Objective) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);

/** The rules written out again, independently of candidates.ts, for the brute force and the checks. */
function rules(input: MatchingInput) {
  const limit = input.caseloadLimit ?? DEFAULT_CASELOAD_LIMIT;
  const locked = input.locked ?? [];
  const lockedMentees = new Set(locked.map((p) => p.menteeId));
  const excluded = new Set((input.excluded ?? []).map((p) => pairKey(p.menteeId, p.mentorId)));
  const room = new Map(input.mentors.map((m) => [m.id, limit - m.currentCaseload - locked.filter((p) => p.mentorId === m.id).length]));
  const free = input.mentees.filter((m) => m.eligible && !lockedMentees.has(m.id));
  const options = free.map((m) =>
    input.mentors
      .filter((t) => t.eligible && !excluded.has(pairKey(m.id, t.id)) && sharedSlotsOf(input.sharedSlots, m.id, t.id) > 0)
      .map((t) => ({ mentorId: t.id, h: totalHundredths(scorePair(m, t, sharedSlotsOf(input.sharedSlots, m.id, t.id), limit)) })),
  );
  return { limit, room, free, options, excluded, lockedMentees };
}

/** Every way of giving each free mentee one allowed mentor or none; the best (count, score). */
function bruteForce(input: MatchingInput): Objective {
  const { room, options } = rules(input);
  let best: Objective = [0, 0];
  const go = (i: number, count: number, h: number) => {
    if (i === options.length) {
      if (atLeast([count, h], best)) best = [count, h];
      return;
    }
    go(i + 1, count, h);
    for (const o of options[i]!) {
      const left = room.get(o.mentorId)!;
      if (left <= 0) continue;
      room.set(o.mentorId, left - 1);
      go(i + 1, count + 1, h + o.h);
      room.set(o.mentorId, left);
    }
  };
  go(0, 0, 0);
  return best;
}

function expectValid(input: MatchingInput, result: MatchingResult) {
  const { room, excluded, lockedMentees, limit } = rules(input);
  const seen = new Set<string>();
  for (const s of result.suggestions) {
    const mentee = input.mentees.find((m) => m.id === s.menteeId)!;
    const mentor = input.mentors.find((m) => m.id === s.mentorId)!;
    expect(mentee.eligible && mentor.eligible).toBe(true);
    expect(lockedMentees.has(s.menteeId) || seen.has(s.menteeId)).toBe(false);
    expect(excluded.has(pairKey(s.menteeId, s.mentorId))).toBe(false);
    expect(s.sharedSlots).toBeGreaterThan(0);
    expect(s.score).toEqual(scorePair(mentee, mentor, s.sharedSlots, limit));
    seen.add(s.menteeId);
    room.set(s.mentorId, room.get(s.mentorId)! - 1);
    expect(room.get(s.mentorId)).toBeGreaterThanOrEqual(0);
  }
  expect(result.kept.map((k) => pairKey(k.menteeId, k.mentorId)).sort()).toEqual((input.locked ?? []).map((p) => pairKey(p.menteeId, p.mentorId)).sort());
  // Every mentee appears exactly once: suggested, kept or unmatched with a reason.
  expect(result.suggestions.length + result.kept.length + result.unmatched.length).toBe(input.mentees.length);
}

function tinyInstance(seed: number): MatchingInput {
  const rnd = seededRandom(seed);
  const mentors = rnd.int(1, 4);
  // Tight limits: with room to spare every method finds the same pairs and the test proves little.
  const caseloadLimit = rnd.int(1, 2);
  const options: RandomInstanceOptions = {
    mentees: rnd.int(2, 6),
    mentors,
    needsPerMentee: [0, 2],
    strengthsPerMentor: [1, 3],
    partnersPerMentee: [0, mentors],
    maxSharedSlots: 4,
    caseloadLimit,
    maxCurrentCaseload: caseloadLimit - 1,
    ineligibleShare: 0.15,
    subjects: 2,
    excludedShare: 0.15,
    lockedShare: 0.15,
  };
  return randomInstance(seed * 7919 + 1, options);
}

describe('on random tiny partnerships (≤ 6 mentees × 4 mentors)', () => {
  const seeds = Array.from({ length: 1000 }, (_, i) => i + 1);

  it('finds exactly the brute-force optimum (most matched, then highest score)', () => {
    for (const seed of seeds) {
      const input = tinyInstance(seed);
      expect(objective(assignOptimal(input)), `seed ${seed}`).toEqual(bruteForce(input));
    }
  });

  it('is never worse than greedy, and never scores less when greedy seats as many', () => {
    let strictlyBetter = 0;
    for (const seed of seeds) {
      const input = tinyInstance(seed);
      const optimal = objective(assignOptimal(input));
      const greedy = objective(assignGreedy(input));
      expect(atLeast(optimal, greedy), `seed ${seed}`).toBe(true);
      if (optimal[0] === greedy[0]) expect(optimal[1], `seed ${seed}`).toBeGreaterThanOrEqual(greedy[1]);
      if (optimal[0] !== greedy[0] || optimal[1] !== greedy[1]) strictlyBetter++;
    }
    // The instances must be hard enough for greedy to go wrong, or this proves little.
    expect(strictlyBetter).toBeGreaterThan(seeds.length / 20);
  });

  it('keeps every hard rule and accounts for every mentee', () => {
    for (const seed of seeds) {
      const input = tinyInstance(seed);
      expectValid(input, assignOptimal(input));
      expectValid(input, assignGreedy(input));
    }
  });
});

describe('on random mid-size partnerships', () => {
  it('keeps the rules and beats or equals greedy', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const input = randomInstance(seed, {
        mentees: 80,
        mentors: 40,
        needsPerMentee: [1, 3],
        strengthsPerMentor: [2, 5],
        partnersPerMentee: [1, 8],
        maxSharedSlots: 5,
        caseloadLimit: 3,
        maxCurrentCaseload: 3,
        ineligibleShare: 0.1,
        subjects: 4,
        excludedShare: 0.1,
        lockedShare: 0.1,
      });
      const optimal = assignOptimal(input);
      expectValid(input, optimal);
      expect(atLeast(objective(optimal), objective(assignGreedy(input))), `seed ${seed}`).toBe(true);
    }
  });
});

describe('seededRandom', () => {
  it('repeats from its seed and stays in range', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const draws = Array.from({ length: 1000 }, () => a.next());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(new Set(seededRandom(7).sample([1, 2, 3, 4, 5], 5))).toEqual(new Set([1, 2, 3, 4, 5]));
  });
});
