import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { localClockTime, schoolDayAt } from './school-day.js';

describe('schoolDayAt', () => {
  it('is 23 hours long on the spring clock change in London', () => {
    const day = schoolDayAt(Temporal.Instant.from('2026-03-29T12:00:00Z'), 'Europe/London');
    expect(day.date.toString()).toBe('2026-03-29');
    expect(day.start.until(day.end).total('hours')).toBe(23);
  });

  it('is 25 hours long on the autumn clock change', () => {
    const day = schoolDayAt(Temporal.Instant.from('2026-10-25T12:00:00Z'), 'Europe/London');
    expect(day.start.until(day.end).total('hours')).toBe(25);
  });

  it('uses the local date, not the UTC date, near midnight in summer', () => {
    // 23:30 UTC on 1 July is 00:30 BST on 2 July.
    const day = schoolDayAt(Temporal.Instant.from('2026-07-01T23:30:00Z'), 'Europe/London');
    expect(day.date.toString()).toBe('2026-07-02');
    expect(day.start.toString()).toBe('2026-07-01T23:00:00Z');
  });
});

describe('localClockTime', () => {
  it('shows the school wall-clock time in summer and winter', () => {
    expect(localClockTime(Temporal.Instant.from('2026-06-02T07:40:00Z'), 'Europe/London')).toBe('08:40');
    expect(localClockTime(Temporal.Instant.from('2026-11-24T08:40:00Z'), 'Europe/London')).toBe('08:40');
  });
});
