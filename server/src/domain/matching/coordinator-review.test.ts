import { describe, expect, it } from 'vitest';
import { assignOptimal } from './assign.js';
import { acceptSuggestion, proposeSwap, rejectSuggestion } from './coordinator-review.js';
import type { MatchingInput, Mentee, Mentor } from './matching-input.js';
import type { MatchingResult } from './matching-result.js';

const mentee = (id: string, needs: string[]): Mentee => ({ id, needs, eligible: true });
const mentor = (id: string, strengths: string[]): Mentor => ({ id, strengths, eligible: true, currentCaseload: 0 });
const pairs = (r: MatchingResult) => r.suggestions.map((s) => `${s.menteeId}→${s.mentorId}`);

// a wants poetry, b maths; x is the poetry mentor, y the maths one, z a weaker all-rounder.
const input: MatchingInput = {
  mentees: [mentee('a', ['english:poetry']), mentee('b', ['maths'])],
  mentors: [mentor('x', ['english:poetry']), mentor('y', ['maths']), mentor('z', ['english', 'maths:algebra'])],
  caseloadLimit: 1,
  sharedSlots: (menteeId, mentorId) => (menteeId === 'b' && mentorId === 'x' ? 0 : 3),
};

describe('coordinator review', () => {
  it('only suggests: nothing is locked until a coordinator accepts', () => {
    const result = assignOptimal(input);
    expect(pairs(result)).toEqual(['a→x', 'b→y']);
    expect(result.kept).toEqual([]);
  });

  it('accepting locks the pair for every later run, and is idempotent', () => {
    const accepted = acceptSuggestion(acceptSuggestion(input, { menteeId: 'a', mentorId: 'z' }), { menteeId: 'a', mentorId: 'z' });
    expect(accepted.locked).toEqual([{ menteeId: 'a', mentorId: 'z' }]);
    const result = assignOptimal(accepted);
    expect(result.kept.map((s) => `${s.menteeId}→${s.mentorId}`)).toEqual(['a→z']);
    expect(pairs(result)).toEqual(['b→y']);
  });

  it('rejecting excludes the pair and re-runs, giving the mentee the next best mentor', () => {
    const { input: next, result } = rejectSuggestion(input, { menteeId: 'a', mentorId: 'x' });
    expect(next.excluded).toEqual([{ menteeId: 'a', mentorId: 'x' }]);
    expect(pairs(result)).toEqual(['a→z', 'b→y']);
    expect(input.excluded).toBeUndefined();
  });

  it('rejecting an accepted pair unlocks it too', () => {
    const accepted = acceptSuggestion(input, { menteeId: 'b', mentorId: 'y' });
    const { input: next, result } = rejectSuggestion(accepted, { menteeId: 'b', mentorId: 'y' });
    expect(next.locked).toEqual([]);
    expect(pairs(result)).toEqual(['a→x', 'b→z']);
  });

  it('previews a swap with the change in score, part by part', () => {
    const withZ: MatchingInput = { ...input, sharedSlots: () => 3 };
    const result = assignOptimal(withZ);
    const swap = proposeSwap(withZ, result, 'a', 'b');
    expect(swap.ok).toBe(true);
    if (!swap.ok) return;
    expect(swap.after.map((s) => `${s.menteeId}→${s.mentorId}`)).toEqual(['a→y', 'b→x']);
    // Both lose their subject fit (6 each); slots and caseload are unchanged.
    expect(swap.change).toEqual({ subjectFit: -12, slotAvailability: 0, caseloadBalance: 0, total: -12 });
    expect(swap.result.totalScore).toBe(result.totalScore - 12);
    expect(pairs(swap.result)).toEqual(['a→y', 'b→x']);
  });

  it('refuses a swap that would pair students with no shared slot', () => {
    const swap = proposeSwap(input, assignOptimal(input), 'a', 'b');
    expect(swap).toEqual({ ok: false, reason: 'no_shared_slot', explanation: 'b and x share no free weekly slot' });
  });

  it('refuses a swap into a pair a coordinator rejected', () => {
    const withZ: MatchingInput = { ...input, sharedSlots: () => 3, excluded: [{ menteeId: 'a', mentorId: 'y' }] };
    const swap = proposeSwap(withZ, assignOptimal(withZ), 'a', 'b');
    expect(swap).toMatchObject({ ok: false, reason: 'excluded' });
  });

  it('refuses to swap what is not an open suggestion', () => {
    const accepted = acceptSuggestion(input, { menteeId: 'a', mentorId: 'x' });
    expect(proposeSwap(accepted, assignOptimal(accepted), 'a', 'b')).toMatchObject({ ok: false, reason: 'not_suggested' });
  });

  it('refuses to swap two mentees of the same mentor', () => {
    const shared: MatchingInput = { ...input, caseloadLimit: 2, mentors: [mentor('x', ['english:poetry', 'maths'])], sharedSlots: () => 2 };
    expect(proposeSwap(shared, assignOptimal(shared), 'a', 'b')).toMatchObject({ ok: false, reason: 'same_mentor' });
  });
});
