import { describe, expect, it } from 'vitest';
import { addDays, dueCountWords, partnerWords, reviewWords, shortDate } from './targets-words';

describe('targets words', () => {
  it('adds days across a month end and the clocks going back', () => {
    expect(addDays('2026-10-24', 7)).toBe('2026-10-31');
    expect(addDays('2026-10-25', 7)).toBe('2026-11-01');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });

  it('says when a target is reviewed', () => {
    expect(reviewWords({ reviewOn: '2026-11-25', dueForReview: true, status: 'on_track' }, '2026-11-25')).toBe('Review due today');
    expect(reviewWords({ reviewOn: '2026-11-18', dueForReview: true, status: 'not_met' }, '2026-11-25')).toBe('Review due 18 Nov');
    expect(reviewWords({ reviewOn: '2026-12-02', dueForReview: false, status: 'not_started' }, '2026-11-25')).toBe('Next review 2 Dec');
    expect(reviewWords({ reviewOn: '2026-11-18', dueForReview: false, status: 'met' }, '2026-11-25')).toBe('Met');
  });

  it('reads dates and partners plainly', () => {
    expect(shortDate('2027-01-04')).toBe('4 Jan');
    expect(dueCountWords(0)).toBe('Targets');
    expect(dueCountWords(2)).toBe('Targets · 2 to review');
    expect(partnerWords({ firstName: 'Priya', yearGroup: 12, schoolName: 'Northgate' })).toBe('Priya (Year 12, Northgate)');
  });
});
