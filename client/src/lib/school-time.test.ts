import { describe, expect, it } from 'vitest';
import { addDays, defaultSessionRange, formatCalendarDate, schoolTime } from './school-time';

const london = schoolTime('Europe/London');

describe('school time in London', () => {
  it("shows times in the school's zone, whatever the browser's", () => {
    // 08:40 in London in summer (BST) is 07:40 UTC.
    expect(london.time('2026-06-15T07:40:00Z')).toBe('08:40');
    expect(london.timeWithSeconds('2026-06-15T07:40:05Z')).toBe('08:40:05');
    // And in winter (GMT) they coincide.
    expect(london.dateTime('2026-11-23T08:40:00Z')).toBe('Mon 23 Nov 2026, 08:40');
  });

  it('formats the date as the school sees it, not the browser', () => {
    // 23:30 UTC on 31 March 2026 is already 1 April in London (BST).
    expect(london.longDate(new Date('2026-03-31T23:30:00Z'))).toBe('Wednesday 1 April');
    expect(london.longDate(new Date('2026-11-23T08:00:00Z'))).toBe('Monday 23 November');
  });

  it('uses 24-hour school times across the clock change', () => {
    expect(london.time('2026-07-01T07:35:00Z')).toBe('08:35'); // BST
    expect(london.time('2026-11-23T08:35:00Z')).toBe('08:35'); // GMT
    expect(london.timeRange('2026-11-23T08:40:00Z', '2026-11-23T09:10:00Z')).toBe('08:40–09:10');
  });

  it('takes the school date, not the UTC date, near midnight', () => {
    expect(london.dateAt(new Date('2026-06-15T23:30:00Z'))).toBe('2026-06-16');
  });

  it('starts a school day at its first moment, whatever the season', () => {
    expect(london.startOfDay('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
    expect(london.startOfDay('2026-07-01')).toBe('2026-06-30T23:00:00.000Z');
  });

  it('adds days across month ends and clock changes', () => {
    expect(addDays('2026-10-29', 7)).toBe('2026-11-05');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('defaults the session list to a week either side of today', () => {
    expect(defaultSessionRange(new Date('2026-11-23T10:00:00Z'), london)).toEqual({ from: '2026-11-16', to: '2026-11-30' });
  });

  it('leaves a malformed time as it came rather than showing "Invalid Date"', () => {
    expect(london.time('not a time')).toBe('not a time');
  });
});

describe('school time elsewhere', () => {
  const auckland = schoolTime('Pacific/Auckland');
  const newYork = schoolTime('America/New_York');

  it('respects a zone other than London', () => {
    expect(schoolTime('Europe/Paris').time('2026-11-23T08:35:00Z')).toBe('09:35');
    // NZDT is UTC+13 in November: 08:35 UTC is 21:35 the same day.
    expect(auckland.dateTime('2026-11-23T08:35:00Z')).toBe('Mon 23 Nov 2026, 21:35');
    expect(newYork.timeRange('2026-11-23T13:40:00Z', '2026-11-23T14:10:00Z')).toBe('08:40–09:10');
  });

  it("takes the school's date, which may be a day ahead of or behind London's", () => {
    const instant = new Date('2026-11-23T12:30:00Z');
    expect(auckland.dateAt(instant)).toBe('2026-11-24');
    expect(auckland.longDate(instant)).toBe('Tuesday 24 November');
    expect(newYork.dateAt(new Date('2026-11-24T03:00:00Z'))).toBe('2026-11-23');
    expect(defaultSessionRange(instant, auckland)).toEqual({ from: '2026-11-17', to: '2026-12-01' });
  });

  it("starts a school day at the school's midnight", () => {
    // New York is on EST (UTC-5) in December, on EDT (UTC-4) in July.
    expect(newYork.startOfDay('2026-12-01')).toBe('2026-12-01T05:00:00.000Z');
    expect(newYork.startOfDay('2026-07-01')).toBe('2026-07-01T04:00:00.000Z');
    expect(auckland.startOfDay('2026-11-24')).toBe('2026-11-23T11:00:00.000Z');
  });

  it('falls back to UTC for an unknown zone, or none, rather than failing', () => {
    expect(schoolTime('Not/AZone').time('2026-11-23T08:35:00Z')).toBe('08:35');
    expect(schoolTime(null).timeZone).toBe('UTC');
  });

  it('shows a calendar date the same in every zone', () => {
    expect(formatCalendarDate('2026-11-23')).toBe('Mon 23 Nov 2026');
  });
});
