import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { callOrder, dateAt, isDueForReview, nextReviewDate, reviewedOnTime } from './target-rules.js';

describe('target rules', () => {
  it('is due on its review date and after, until met or dropped', () => {
    expect(isDueForReview({ reviewOn: '2027-01-13', status: 'on_track' }, '2027-01-13')).toBe(true);
    expect(isDueForReview({ reviewOn: '2027-01-06', status: 'not_met' }, '2027-01-13')).toBe(true);
    expect(isDueForReview({ reviewOn: '2027-01-14', status: 'not_started' }, '2027-01-13')).toBe(false);
    expect(isDueForReview({ reviewOn: '2027-01-06', status: 'met' }, '2027-01-13')).toBe(false);
    expect(isDueForReview({ reviewOn: '2027-01-06', status: 'dropped' }, '2027-01-13')).toBe(false);
  });

  it('counts a review on the due day as on time and a day late as late', () => {
    expect(reviewedOnTime('2027-01-13', '2027-01-13')).toBe(true);
    expect(reviewedOnTime('2027-01-14', '2027-01-13')).toBe(false);
  });

  it("reads the date in the school's zone (just after midnight in London is still the previous day in New York)", () => {
    const instant = Temporal.Instant.from('2027-03-28T00:30:00Z');
    expect(dateAt(instant, 'Europe/London')).toBe('2027-03-28');
    expect(dateAt(instant, 'America/New_York')).toBe('2027-03-27');
  });

  it('shows due targets first, then open ones, then finished ones', () => {
    const t = (id: string, reviewOn: string, status: 'on_track' | 'met') => ({ id, reviewOn, status, createdAt: id });
    const ordered = callOrder([t('a', '2027-02-01', 'on_track'), t('b', '2027-01-01', 'met'), t('c', '2027-01-10', 'on_track')], '2027-01-13');
    expect(ordered.map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });

  it('asks for a next review date when an open target is reviewed on or after its date', () => {
    expect(nextReviewDate({ status: 'on_track' }, { reviewOn: '2027-01-13' }, '2027-01-13')).toEqual({ problem: 'next_review_needed' });
    expect(nextReviewDate({ status: 'on_track' }, { reviewOn: '2027-01-20' }, '2027-01-13')).toEqual({ reviewOn: '2027-01-20' });
    expect(nextReviewDate({ status: 'met' }, { reviewOn: '2027-01-13' }, '2027-01-13')).toEqual({ reviewOn: '2027-01-13' });
    expect(nextReviewDate({ status: 'not_met', nextReviewOn: '2027-01-12' }, { reviewOn: '2027-01-13' }, '2027-01-13')).toEqual({ problem: 'next_review_in_past' });
    expect(nextReviewDate({ status: 'not_met', nextReviewOn: '2027-01-27' }, { reviewOn: '2027-01-13' }, '2027-01-13')).toEqual({ reviewOn: '2027-01-27' });
  });
});
