import { describe, expect, it } from 'vitest';
import {
  MAX_SCORE,
  SLOT_AVAILABILITY_WEIGHT,
  SUBJECT_FIT_WEIGHT,
  explainPair,
  parseTopic,
  scorePair,
  slotFraction,
  subjectFitFraction,
  topicFit,
  totalHundredths,
} from './score.js';

const topics = (...raw: string[]) => raw.map(parseTopic);
const mentor = (strengths: string[], currentCaseload = 0) => ({ strengths, currentCaseload });

describe('subject fit', () => {
  it('ranks an exact topic above a subject-level match, above another topic of the subject, above nothing', () => {
    const need = parseTopic('english:poetry');
    const exact = topicFit(need, parseTopic('english:poetry'));
    const subjectLevel = topicFit(need, parseTopic('english'));
    const sibling = topicFit(need, parseTopic('english:shakespeare'));
    const none = topicFit(need, parseTopic('maths'));
    expect(exact).toBeGreaterThan(subjectLevel);
    expect(subjectLevel).toBeGreaterThan(sibling);
    expect(sibling).toBeGreaterThan(none);
    expect(none).toBe(0);
  });

  it('treats a whole-subject need met by a topic strength as subject-level', () => {
    expect(topicFit(parseTopic('maths'), parseTopic('maths:algebra'))).toBe(topicFit(parseTopic('maths:algebra'), parseTopic('maths')));
    expect(topicFit(parseTopic('maths'), parseTopic('maths'))).toBe(1);
  });

  it('ignores case and stray spaces from school exports', () => {
    expect(topicFit(parseTopic(' English : Poetry '), parseTopic('english:poetry'))).toBe(1);
  });

  it('averages the best fit per need, so more needs do not mean a bigger score', () => {
    expect(subjectFitFraction(topics('maths'), topics('maths'))).toBe(1);
    expect(subjectFitFraction(topics('maths', 'french'), topics('maths'))).toBe(0.5);
    expect(subjectFitFraction([], topics('maths'))).toBe(0);
  });
});

describe('slot availability', () => {
  it('has diminishing returns: 1 slot is a risk, 3 or more are comfortable', () => {
    const gains = [1, 2, 3].map((n) => slotFraction(n) - slotFraction(n - 1));
    expect(slotFraction(0)).toBe(0);
    expect(gains[0]).toBeGreaterThan(gains[1]!);
    expect(gains[1]).toBeGreaterThan(gains[2]!);
    expect(slotFraction(3)).toBe(1);
    expect(slotFraction(9)).toBe(1);
  });
});

describe('scorePair', () => {
  it('explains itself in parts that add up to the total', () => {
    const parts = scorePair({ needs: ['english:poetry', 'maths'] }, mentor(['english', 'maths:algebra'], 1), 2, 3);
    expect(parts).toEqual({ subjectFit: 4.2, slotAvailability: 2.25, caseloadBalance: 0.67, total: 7.12 });
    expect(Math.round((parts.subjectFit + parts.slotAvailability + parts.caseloadBalance) * 100)).toBe(totalHundredths(parts));
  });

  it('gives the full score to a perfect pair and never more', () => {
    const best = scorePair({ needs: ['maths'] }, mentor(['maths']), 5, 3);
    expect(best.total).toBe(MAX_SCORE);
    expect(best.subjectFit).toBe(SUBJECT_FIT_WEIGHT);
    expect(best.slotAvailability).toBe(SLOT_AVAILABILITY_WEIGHT);
  });

  it('prefers a mentor with a lighter existing caseload, all else equal', () => {
    const light = scorePair({ needs: ['maths'] }, mentor(['maths'], 0), 3, 3);
    const busy = scorePair({ needs: ['maths'] }, mentor(['maths'], 2), 3, 3);
    expect(light.total).toBeGreaterThan(busy.total);
  });

  it('says in words why', () => {
    expect(explainPair({ needs: ['english:poetry', 'french'] }, { strengths: ['english'] }, 1)).toEqual([
      'Subject match: English (poetry wanted; the mentor offers English in general)',
      'No mentor strength in French',
      'Only one shared free period, so a single clash loses the week',
    ]);
    expect(explainPair({ needs: ['english:poetry', 'maths', 'science:physics'] }, { strengths: ['english:poetry', 'maths:algebra', 'science:chemistry'] }, 3)).toEqual([
      'Strong subject match: English, poetry',
      'Subject match: Maths (the mentor offers Maths, algebra)',
      'Same subject, other topic: Science (physics wanted; the mentor offers chemistry)',
      '3 shared free periods a week',
    ]);
  });
});
