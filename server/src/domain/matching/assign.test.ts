import { describe, expect, it } from 'vitest';
import { assignOptimal } from './assign.js';
import { assignGreedy } from './greedy.js';
import { MatchingInputError, type MatchingInput, type Mentee, type Mentor } from './matching-input.js';
import type { MatchingResult } from './matching-result.js';

const mentee = (id: string, needs: string[], eligible = true): Mentee => ({ id, needs, eligible });
const mentor = (id: string, strengths: string[], currentCaseload = 0, eligible = true): Mentor => ({ id, strengths, eligible, currentCaseload });
const slots = (...pairs: [string, string, number][]) => {
  const map = new Map<string, Map<string, number>>();
  for (const [a, b, n] of pairs) map.set(a, (map.get(a) ?? new Map()).set(b, n));
  return map;
};
const pairs = (r: MatchingResult) => r.suggestions.map((s) => `${s.menteeId}→${s.mentorId}`);
const reasons = (r: MatchingResult) => Object.fromEntries(r.unmatched.map((u) => [u.menteeId, u.reason]));

describe('assignOptimal against greedy', () => {
  // a–x 10.00, a–y 8.20, b–x 9.25, b–y 6.40: greedy takes a–x first and leaves b the weak y.
  const input: MatchingInput = {
    mentees: [mentee('a', ['english:poetry']), mentee('b', ['english:poetry'])],
    mentors: [mentor('x', ['english:poetry']), mentor('y', ['english'])],
    caseloadLimit: 1,
    sharedSlots: slots(['a', 'x', 3], ['a', 'y', 3], ['b', 'x', 2], ['b', 'y', 1]),
  };

  it('finds the better total where greedy does not', () => {
    const greedy = assignGreedy(input);
    const optimal = assignOptimal(input);
    expect(pairs(greedy)).toEqual(['a→x', 'b→y']);
    expect(greedy.totalScore).toBe(16.4);
    expect(pairs(optimal)).toEqual(['a→y', 'b→x']);
    expect(optimal.totalScore).toBe(17.45);
  });

  it('explains every suggestion in parts', () => {
    const [first] = assignOptimal(input).suggestions;
    expect(first).toMatchObject({
      menteeId: 'a',
      mentorId: 'y',
      sharedSlots: 3,
      score: { subjectFit: 4.2, slotAvailability: 3, caseloadBalance: 1, total: 8.2 },
    });
    expect(first!.explanation).toEqual(['Subject match: English (poetry wanted; the mentor offers English in general)', '3 shared free periods a week']);
  });

  it('matches more mentees first, even at a lower total (documented trade-off)', () => {
    // Greedy seats a with x (10.00) and b is left with nobody; seating both scores 6.80 in all.
    const scarce: MatchingInput = {
      mentees: [mentee('a', ['maths']), mentee('b', ['maths:algebra'])],
      mentors: [mentor('x', ['maths:geometry', 'maths']), mentor('y', ['art'])],
      caseloadLimit: 1,
      sharedSlots: slots(['a', 'x', 3], ['a', 'y', 1], ['b', 'x', 1]),
    };
    const greedy = assignGreedy(scarce);
    const optimal = assignOptimal(scarce);
    expect(pairs(greedy)).toEqual(['a→x']);
    expect(reasons(greedy)).toEqual({ b: 'mentors_taken' });
    expect(pairs(optimal)).toEqual(['a→y', 'b→x']);
    expect(optimal.totalScore).toBeLessThan(greedy.totalScore);
  });
});

describe('hard rules', () => {
  it('never gives a mentor more than the caseload limit allows, counting mentees they already have', () => {
    const result = assignOptimal({
      mentees: ['m1', 'm2', 'm3', 'm4'].map((id) => mentee(id, ['maths'])),
      mentors: [mentor('busy', ['maths'], 2), mentor('full', ['maths'], 3), mentor('free', ['art'])],
      sharedSlots: () => 3,
    });
    const load = (id: string) => result.suggestions.filter((s) => s.mentorId === id).length;
    expect(load('busy')).toBe(1);
    expect(load('full')).toBe(0);
    expect(load('free')).toBe(3);
    expect(result.unmatched).toEqual([]);
  });

  it('honours a partnership caseload limit other than 3', () => {
    const result = assignOptimal({
      mentees: ['m1', 'm2', 'm3'].map((id) => mentee(id, ['maths'])),
      mentors: [mentor('x', ['maths'])],
      caseloadLimit: 2,
      sharedSlots: () => 1,
    });
    expect(result.suggestions).toHaveLength(2);
    expect(result.unmatched).toEqual([
      { menteeId: 'm3', reason: 'mentors_needed_elsewhere', explanation: expect.stringContaining('needed by other mentees') },
    ]);
  });

  it('never suggests an ineligible mentee or mentor', () => {
    const result = assignOptimal({
      mentees: [mentee('no-consent', ['maths'], false), mentee('ok', ['maths'])],
      mentors: [mentor('untrained', ['maths'], 0, false), mentor('trained', ['art'])],
      sharedSlots: () => 3,
    });
    expect(pairs(result)).toEqual(['ok→trained']);
    expect(result.unmatched).toEqual([
      { menteeId: 'no-consent', reason: 'not_eligible', explanation: 'not eligible: parental consent not recorded' },
    ]);
  });

  it('never suggests a pair with no shared slot, however good the fit', () => {
    const result = assignOptimal({
      mentees: [mentee('a', ['maths']), mentee('b', ['maths'])],
      mentors: [mentor('perfect', ['maths'])],
      sharedSlots: (menteeId) => (menteeId === 'a' ? 0 : 1),
    });
    expect(pairs(result)).toEqual(['b→perfect']);
    expect(result.unmatched).toEqual([{ menteeId: 'a', reason: 'no_shared_slot', explanation: 'no eligible mentor shares a free slot' }]);
  });

  it('never suggests an excluded pair, and says so when it leaves a mentee without one', () => {
    const result = assignOptimal({
      mentees: [mentee('a', ['maths']), mentee('b', ['maths'])],
      mentors: [mentor('x', ['maths']), mentor('y', ['art'])],
      sharedSlots: slots(['a', 'x', 3], ['b', 'x', 3], ['b', 'y', 3]),
      excluded: [
        { menteeId: 'a', mentorId: 'x' },
        { menteeId: 'b', mentorId: 'x' },
      ],
    });
    expect(pairs(result)).toEqual(['b→y']);
    expect(reasons(result)).toEqual({ a: 'all_rejected' });
  });

  it('keeps locked pairs, even when not optimal, and counts them against the limit', () => {
    const result = assignOptimal({
      mentees: [mentee('a', ['maths']), mentee('b', ['maths']), mentee('c', ['maths'])],
      mentors: [mentor('x', ['maths'], 1), mentor('y', ['art'])],
      caseloadLimit: 2,
      sharedSlots: () => 3,
      locked: [{ menteeId: 'a', mentorId: 'y' }],
    });
    expect(result.kept.map((s) => `${s.menteeId}→${s.mentorId}`)).toEqual(['a→y']);
    expect(result.kept[0]!.score.total).toBeGreaterThan(0);
    // x has 1 place left (limit 2, caseload 1), y 1 place (limit 2, one locked).
    expect(pairs(result)).toEqual(['b→x', 'c→y']);
  });

  it('gives a single place to the better fit even when the weaker one is placed first (displacement)', () => {
    // 'a' sorts first and takes x; 'b' fits x better and has nobody else, so 'a' must give way.
    const result = assignOptimal({
      mentees: [mentee('a', ['art']), mentee('b', ['maths:algebra'])],
      mentors: [mentor('x', ['maths:algebra'])],
      caseloadLimit: 1,
      sharedSlots: () => 2,
    });
    expect(pairs(result)).toEqual(['b→x']);
    expect(reasons(result)).toEqual({ a: 'mentors_needed_elsewhere' });
  });

  it('reports mentors at their limit as the reason', () => {
    const result = assignOptimal({
      mentees: [mentee('a', ['maths'])],
      mentors: [mentor('x', ['maths'], 3)],
      sharedSlots: () => 2,
    });
    expect(reasons(result)).toEqual({ a: 'mentors_full' });
  });
});

describe('determinism', () => {
  it('gives the same output whatever order the students and slots are listed in', () => {
    const mentees = ['d', 'a', 'c', 'b', 'e'].map((id, i) => mentee(id, i % 2 ? ['maths'] : ['english:poetry']));
    const mentors = ['z', 'x', 'y'].map((id, i) => mentor(id, i ? ['maths', 'english'] : ['english:poetry']));
    const entries: [string, string, number][] = mentees.flatMap((m, i) => mentors.map((t, j): [string, string, number] => [m.id, t.id, ((i + j) % 3) + 1]));
    const one = assignOptimal({ mentees, mentors, caseloadLimit: 2, sharedSlots: slots(...entries) });
    const other = assignOptimal({
      mentees: [...mentees].reverse(),
      mentors: [...mentors].reverse(),
      caseloadLimit: 2,
      sharedSlots: slots(...[...entries].reverse()),
    });
    expect(other).toEqual(one);
    expect(assignOptimal({ mentees, mentors, caseloadLimit: 2, sharedSlots: slots(...entries) })).toEqual(one);
  });

  it('breaks ties by id', () => {
    const twins = [mentor('t2', ['maths']), mentor('t1', ['maths'])];
    const input = { mentees: [mentee('a', ['maths'])], mentors: twins, sharedSlots: () => 3 };
    expect(pairs(assignOptimal(input))).toEqual(['a→t1']);
    expect(pairs(assignGreedy(input))).toEqual(['a→t1']);
  });

  it('reads a lookup function and a sparse map the same way', () => {
    const map = slots(['a', 'x', 2], ['b', 'x', 1], ['b', 'y', 3]);
    const base = { mentees: [mentee('a', ['maths']), mentee('b', ['art'])], mentors: [mentor('x', ['maths']), mentor('y', ['art'])] };
    expect(assignOptimal({ ...base, sharedSlots: (a, b) => map.get(a)?.get(b) ?? 0 })).toEqual(assignOptimal({ ...base, sharedSlots: map }));
  });
});

describe('input the caller should have checked', () => {
  const base = { mentees: [mentee('a', []), mentee('b', [])], mentors: [mentor('x', []), mentor('y', [], 0, false)], sharedSlots: () => 1 };

  it('lists every problem at once', () => {
    const run = () =>
      assignOptimal({
        ...base,
        mentees: [...base.mentees, mentee('a', [])],
        locked: [
          { menteeId: 'b', mentorId: 'x' },
          { menteeId: 'b', mentorId: 'y' },
          { menteeId: 'ghost', mentorId: 'x' },
        ],
      });
    expect(run).toThrow(MatchingInputError);
    try {
      run();
    } catch (error) {
      expect((error as MatchingInputError).problems).toEqual([
        'a mentee id appears twice',
        'mentee b is locked to more than one mentor',
        'locked mentor y is no longer eligible',
        'locked pair names unknown mentee ghost',
      ]);
    }
  });

  it('refuses a bad caseload limit', () => {
    expect(() => assignOptimal({ ...base, caseloadLimit: 0 })).toThrow(/caseload limit/);
  });
});
