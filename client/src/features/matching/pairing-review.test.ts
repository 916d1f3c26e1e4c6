import { describe, expect, it } from 'vitest';
import { comparisonWords, emptyReview, forgetPair, rejectPair, swapMentor, swapOptions } from './pairing-review';
import type { Suggestion } from '../timetable/timetable-api';

const suggestion = (menteeId: string, mentorId: string, mentor: string): Suggestion => ({
  menteeId,
  mentorId,
  mentee: menteeId,
  mentor,
  sharedSlots: 2,
  score: { subjectFit: 4, slotAvailability: 2, caseloadBalance: 1, total: 7 },
  explanation: [],
});

describe('the coordinator review', () => {
  it('excludes a rejected pair once, and unlocks it', () => {
    const locked = swapMentor(emptyReview, 'e1', 'm1');
    const rejected = rejectPair(rejectPair(locked, { menteeId: 'e1', mentorId: 'm1' }), { menteeId: 'e1', mentorId: 'm1' });
    expect(rejected).toEqual({ excluded: [{ menteeId: 'e1', mentorId: 'm1' }], locked: [] });
  });

  it('locks one swapped-in mentor per mentee and lifts an earlier rejection of that pair', () => {
    const review = swapMentor(swapMentor(rejectPair(emptyReview, { menteeId: 'e1', mentorId: 'm2' }), 'e1', 'm3'), 'e1', 'm2');
    expect(review).toEqual({ excluded: [], locked: [{ menteeId: 'e1', mentorId: 'm2' }] });
    expect(forgetPair(review, { menteeId: 'e1', mentorId: 'm2' }).locked).toEqual([]);
  });

  it('offers every other mentor on the board, once each, by name', () => {
    const board = [suggestion('e1', 'm1', 'Zoe'), suggestion('e2', 'm2', 'Ade'), suggestion('e3', 'm2', 'Ade')];
    expect(swapOptions(board, board[0]!)).toEqual([{ id: 'm2', name: 'Ade' }]);
  });

  it('compares the total with pairing one by one', () => {
    expect(comparisonWords(21.5, 20)).toBe('Taken together, these pairings fit subjects and free periods better than pairing students one by one would.');
    expect(comparisonWords(20, 20)).toBe('These pairings fit as well as pairing students one by one would: there was no better overall arrangement.');
    expect(comparisonWords(21.5, 20)).not.toMatch(/\d/);
  });
});
