import { DEFAULT_EXIT_QUESTIONNAIRE } from '@peerbridge/shared';
import { describe, expect, it } from 'vitest';
import { checkScaledAnswers, exitEndReason, exitKindOf, supportWords, windDownPlan } from './exit-rules.js';

const weekly = ['2027-01-05', '2027-01-12', '2027-01-19', '2027-01-26', '2027-02-02', '2027-02-09'].map((date, i) => ({ id: `s${i}`, date }));

describe('exit kinds', () => {
  it('makes finished and targets met planned, the rest early', () => {
    expect(exitKindOf('programme_finished')).toBe('planned');
    expect(exitKindOf('targets_met')).toBe('planned');
    expect(exitKindOf('no_shows')).toBe('early');
    expect(exitKindOf('safeguarding')).toBe('early');
  });
  it('records the reason in words, with the note when there is one', () => {
    expect(exitEndReason('targets_met', '')).toBe('Targets met (planned exit)');
    expect(exitEndReason('moved_school', 'Family moved away')).toBe('Moved school (early exit): Family moved away');
  });
});

describe('a gradual exit', () => {
  it('keeps every other session before the final review and cancels all after it', () => {
    const plan = windDownPlan(weekly, '2027-02-02')!;
    expect(plan.finalReviewId).toBe('s4');
    // s0 kept, s1 cancelled, s2 kept, s3 cancelled; s5 comes after the review.
    expect(plan.cancelIds).toEqual(['s1', 's3', 's5']);
    expect(plan.kept).toBe(2);
  });
  it('makes the next session the final review when that date is chosen, cancelling the rest', () => {
    expect(windDownPlan(weekly, '2027-01-05')).toEqual({ finalReviewId: 's0', cancelIds: ['s1', 's2', 's3', 's4', 's5'], kept: 0 });
  });
  it('finds nothing when no session falls on the date', () => {
    expect(windDownPlan(weekly, '2027-01-06')).toBeNull();
    expect(windDownPlan([], '2027-01-05')).toBeNull();
  });
  it('does not depend on the order the sessions came in', () => {
    expect(windDownPlan([...weekly].reverse(), '2027-01-19')!.cancelIds).toEqual(['s1', 's3', 's4', 's5']);
  });
});

describe('scaled answers', () => {
  const all = { helpful: 5, listened: 4, targets: 3, recommend: 1 };
  it('accepts every question answered on the scale', () => {
    expect(checkScaledAnswers(DEFAULT_EXIT_QUESTIONNAIRE, all)).toEqual([]);
  });
  it('names a missing answer, one off the scale, and one not on the form', () => {
    const form = { ...DEFAULT_EXIT_QUESTIONNAIRE, scale: 3 };
    expect(checkScaledAnswers(form, { helpful: 4, listened: 0, targets: 2, extra: 1 })).toEqual([
      { field: 'scaled.helpful', problem: 'must be from 1 to 3' },
      { field: 'scaled.listened', problem: 'must be from 1 to 3' },
      { field: 'scaled.recommend', problem: 'is not answered' },
      { field: 'scaled.extra', problem: 'is not a question on this form' },
    ]);
  });
});

describe('support words', () => {
  it('names who at the school to talk to', () => {
    const words = supportWords({ partnerFirstName: 'Priya', schoolName: 'Northgate Academy', contacts: ['Ms Shah', 'Mr Cole'], ended: true });
    expect(words).toContain('Your mentoring with Priya has ended, but support is still here for you.');
    expect(words).toContain('go to Ms Shah or Mr Cole, your form tutor, or any teacher you trust at Northgate Academy.');
  });
  it('still points somewhere when the school has no coordinator named', () => {
    expect(supportWords({ partnerFirstName: 'Sam', schoolName: 'Riverside', contacts: [], ended: false })).toContain(
      'is coming to an end, but support is still here for you. Thank you for taking part. If you want to talk about anything, big or small, go to your form tutor or any teacher you trust at Riverside.',
    );
  });
});
