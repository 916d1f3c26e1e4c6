import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { dateOfEpochDay, epochDayOf, localEpochMs, localMomentOf, weekdayOfEpochDay } from './zone-clock.js';

describe('zone clock', () => {
  it('numbers days and weekdays exactly as Temporal does, either side of 1970', () => {
    for (let n = -800; n <= 25_000; n += 37) {
      const date = dateOfEpochDay(n);
      expect(epochDayOf(date)).toBe(n);
      expect(weekdayOfEpochDay(n)).toBe(date.dayOfWeek);
    }
  });

  it.each([
    ['Europe/London', '2026-03-27', 8 * 60 + 40, '2026-03-27T08:40:00Z'],
    ['Europe/London', '2026-03-30', 8 * 60 + 40, '2026-03-30T07:40:00Z'],
    ['America/New_York', '2026-03-09', 8 * 60 + 30, '2026-03-09T12:30:00Z'],
    ['Asia/Tokyo', '2026-01-06', 9 * 60, '2026-01-06T00:00:00Z'],
    // 01:30 does not exist in London on 29 March 2026: Temporal's 'compatible' rule moves it on.
    ['Europe/London', '2026-03-29', 90, '2026-03-29T01:30:00Z'],
  ])('%s %s minute %i is %s, and converts back', (zone, iso, minute, expected) => {
    const day = epochDayOf(Temporal.PlainDate.from(iso));
    const ms = localEpochMs(zone, day, minute);
    expect(Temporal.Instant.fromEpochMilliseconds(ms).toString()).toBe(expected);
    expect(localEpochMs(zone, day, minute)).toBe(ms);
    if (!expected.startsWith('2026-03-29')) expect(localMomentOf(zone, ms)).toEqual({ epochDay: day, minute });
  });
});
