import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { dateOfEpochDay, epochDayOf, epochMsOf, instantOf, localEpochMs, localMomentOf, weekdayOfEpochDay } from './zone-clock.js';

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

  it.each(['0001-01-01', '0099-12-31', '1900-02-28', '1900-03-01', '2000-02-29', '2400-12-31', '-000044-03-15'])(
    'counts %s as Temporal does, years below 100 and before year 0 included',
    (iso) => {
      const date = Temporal.PlainDate.from(iso);
      expect(epochDayOf(date)).toBe(Temporal.PlainDate.from('1970-01-01').until(date, { largestUnit: 'days' }).days);
    },
  );

  it('reads epoch milliseconds of shared and of foreign instants alike', () => {
    const foreign = Temporal.Instant.from('2026-05-04T09:15:30.250Z');
    expect(epochMsOf(foreign)).toBe(foreign.epochMilliseconds);
    expect(epochMsOf(foreign)).toBe(foreign.epochMilliseconds);
    expect(epochMsOf(instantOf(1_780_000_000_000))).toBe(1_780_000_000_000);
  });

  it('shares one instant per whole minute and still gives odd milliseconds their own, each equal to Temporal’s', () => {
    for (const ms of [1_780_000_020_000, 1_780_000_020_001, -60_000, -1, 0, 1_780_000_020_000.5]) {
      if (!Number.isInteger(ms)) {
        expect(() => instantOf(ms)).toThrow(RangeError);
        continue;
      }
      expect(instantOf(ms).epochMilliseconds).toBe(ms);
      expect(instantOf(ms)).toBe(instantOf(ms));
      expect(instantOf(ms).equals(Temporal.Instant.fromEpochMilliseconds(ms))).toBe(true);
    }
  });

  it('keeps each zone apart and each minute of a day apart', () => {
    const day = epochDayOf(Temporal.PlainDate.from('2026-06-02'));
    const london = [0, 1, 539, 540, 1439].map((m) => localEpochMs('Europe/London', day, m));
    const paris = [0, 1, 539, 540, 1439].map((m) => localEpochMs('Europe/Paris', day, m));
    expect(london.map((ms, i) => ms - paris[i]!)).toEqual([3_600_000, 3_600_000, 3_600_000, 3_600_000, 3_600_000]);
    expect(london[1]! - london[0]!).toBe(60_000);
    expect(localEpochMs('Europe/London', day, 540)).toBe(london[3]);
  });
});
