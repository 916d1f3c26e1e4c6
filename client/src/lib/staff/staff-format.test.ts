import { describe, expect, it } from 'vitest';
import { addDays, defaultSessionRange, formatDateTime, formatTime, formatTimeWithSeconds, schoolDate } from './staff-format';

describe('staff time formatting', () => {
  it("shows times in the school's zone, whatever the browser's", () => {
    // 08:40 in London in summer (BST) is 07:40 UTC.
    expect(formatTime('2026-06-15T07:40:00Z')).toBe('08:40');
    expect(formatTimeWithSeconds('2026-06-15T07:40:05Z')).toBe('08:40:05');
    // And in winter (GMT) they coincide.
    expect(formatDateTime('2026-11-23T08:40:00Z')).toBe('Mon 23 Nov 2026, 08:40');
  });

  it('takes the school date, not the UTC date, near midnight', () => {
    expect(schoolDate(new Date('2026-06-15T23:30:00Z'))).toBe('2026-06-16');
  });

  it('adds days across month ends and clock changes', () => {
    expect(addDays('2026-10-29', 7)).toBe('2026-11-05');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('defaults the session list to a week either side of today', () => {
    expect(defaultSessionRange(new Date('2026-11-23T10:00:00Z'))).toEqual({ from: '2026-11-16', to: '2026-11-30' });
  });

  it('leaves a malformed time as it came rather than showing "Invalid Date"', () => {
    expect(formatTime('not a time')).toBe('not a time');
  });
});
