import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { epochDayOf, localEpochDayOf, localEpochMs, localMinuteOf, localMomentOf } from './zone-clock.js';
import { newZoneOffsets, offsetAt, steadyOffsetOfDay } from './zone-offsets.js';

/*
 * The offset table against Temporal itself, both directions, exhaustively where clocks change:
 * every wall-clock minute of each transition day (gaps and repeated hours included) and every
 * minute-instant of the two days around each transition.
 */

const DAY_MS = 86_400_000;
const ZONES = [
  'Europe/London',
  'America/New_York',
  // Half-hour shift.
  'Australia/Lord_Howe',
  // No clock changes at all.
  'Asia/Kolkata',
  // Southern hemisphere: summer time across the new year.
  'Pacific/Auckland',
];
const FROM = Temporal.PlainDate.from('2025-01-01');
const TO = Temporal.PlainDate.from('2027-12-31');

function temporalInstant(zone: string, epochDay: number, minute: number): number {
  const time = new Temporal.PlainTime(Math.floor(minute / 60), minute % 60);
  return Temporal.PlainDate.from('1970-01-01').add({ days: epochDay }).toZonedDateTime({ timeZone: zone, plainTime: time }).epochMilliseconds;
}

function temporalMoment(zone: string, epochMs: number): { epochDay: number; minute: number } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(zone);
  return { epochDay: epochDayOf(zoned.toPlainDate()), minute: zoned.hour * 60 + zoned.minute };
}

/** Transitions in [FROM, TO], found by Temporal's own search. */
function transitionsOf(zone: string): Temporal.ZonedDateTime[] {
  const found: Temporal.ZonedDateTime[] = [];
  let at: Temporal.ZonedDateTime | null = FROM.toZonedDateTime(zone);
  const end = TO.toZonedDateTime(zone).epochMilliseconds;
  while ((at = at.getTimeZoneTransition('next')) && at.epochMilliseconds <= end) found.push(at);
  return found;
}

/** A small deterministic generator, so a failure names a reproducible instant. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('zone offset table', () => {
  it('finds the transitions the test relies on (two a year where clocks change, none in Kolkata)', () => {
    expect(ZONES.map((z) => transitionsOf(z).length)).toEqual([6, 6, 6, 0, 6]);
  });

  it.each(ZONES)('%s: every minute of every transition day converts to Temporal’s instant', (zone) => {
    for (const transition of transitionsOf(zone)) {
      const day = epochDayOf(transition.toPlainDate());
      expect(steadyOffsetOfDay(newZoneOffsets(zone), day)).toBeUndefined();
      for (const d of [day - 1, day, day + 1]) {
        const ours: number[] = [];
        const theirs: number[] = [];
        for (let minute = 0; minute < 1440; minute++) {
          ours.push(localEpochMs(zone, d, minute));
          theirs.push(temporalInstant(zone, d, minute));
        }
        expect(ours).toEqual(theirs);
      }
    }
  });

  it.each(ZONES)('%s: every minute-instant of the two days around each transition reads as Temporal’s local time', (zone) => {
    for (const transition of transitionsOf(zone)) {
      const start = transition.epochMilliseconds - DAY_MS;
      const ours: unknown[] = [];
      const theirs: unknown[] = [];
      for (let ms = start; ms < start + 2 * DAY_MS; ms += 60_000) {
        // The second before each minute too: a transition falls on the minute, not between.
        for (const at of [ms, ms - 1000]) {
          ours.push([localMomentOf(zone, at), localEpochDayOf(zone, at), localMinuteOf(zone, at)]);
          const moment = temporalMoment(zone, at);
          theirs.push([moment, moment.epochDay, moment.minute]);
        }
      }
      expect(ours).toEqual(theirs);
    }
  });

  it.each(ZONES)('%s: random instants and wall-clock times over three years, in random order, match Temporal', (zone) => {
    const random = seeded(zone.length * 7919);
    const from = FROM.toZonedDateTime(zone).epochMilliseconds;
    const span = TO.toZonedDateTime(zone).epochMilliseconds - from;
    const table = newZoneOffsets(zone);
    for (let i = 0; i < 1500; i++) {
      const ms = from + Math.floor(random() * span);
      const expected = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
      expect(offsetAt(table, ms)).toBe(expected);
      expect(localMomentOf(zone, ms)).toEqual(temporalMoment(zone, ms));
      const day = epochDayOf(FROM) + Math.floor(random() * 1095);
      const minute = Math.floor(random() * 1440);
      expect(localEpochMs(zone, day, minute)).toBe(temporalInstant(zone, day, minute));
    }
  });

  it('takes offsets that are not whole minutes from Temporal too (Monrovia: −00:44:30 until 7 January 1972)', () => {
    const zone = 'Africa/Monrovia';
    const random = seeded(1972);
    const from = Date.UTC(1970, 0, 1);
    for (let i = 0; i < 500; i++) {
      const ms = from + Math.floor(random() * 3 * 365 * DAY_MS);
      expect(localMomentOf(zone, ms)).toEqual(temporalMoment(zone, ms));
    }
    const day = epochDayOf(Temporal.PlainDate.from('1972-01-07'));
    for (let d = day - 1; d <= day + 1; d++) {
      for (let minute = 0; minute < 1440; minute++) {
        expect(localEpochMs(zone, d, minute)).toBe(temporalInstant(zone, d, minute));
        const ms = d * DAY_MS + minute * 60_000;
        expect(localMomentOf(zone, ms)).toEqual(temporalMoment(zone, ms));
      }
    }
  });

  it('grows backwards and forwards from where it was first asked, and leaves far-off instants to Temporal', () => {
    const table = newZoneOffsets('Europe/London');
    const summer = Date.UTC(2026, 6, 1);
    expect(offsetAt(table, summer)).toBe(3_600_000);
    const firstSpan = [table.starts[0]!, table.coveredTo];
    expect(offsetAt(table, Date.UTC(2023, 0, 1))).toBe(0);
    expect(offsetAt(table, Date.UTC(2029, 6, 1))).toBe(3_600_000);
    expect(table.starts[0]!).toBeLessThan(firstSpan[0]!);
    expect(table.coveredTo).toBeGreaterThan(firstSpan[1]!);
    // Intervals alternate: no start where the offset does not change.
    for (let i = 1; i < table.offsets.length; i++) expect(table.offsets[i]).not.toBe(table.offsets[i - 1]);
    expect(offsetAt(table, Date.UTC(2100, 0, 1))).toBeUndefined();
    expect(offsetAt(table, 1.5 + summer)).toBeUndefined();
    const far = Date.UTC(2100, 6, 1, 12);
    expect(localMomentOf('Europe/London', far)).toEqual(temporalMoment('Europe/London', far));
  });

  it('gives a steady day its one offset and no day near a transition one', () => {
    const table = newZoneOffsets('America/New_York');
    expect(steadyOffsetOfDay(table, epochDayOf(Temporal.PlainDate.from('2026-06-10')))).toBe(-4 * 3_600_000);
    expect(steadyOffsetOfDay(table, epochDayOf(Temporal.PlainDate.from('2026-01-10')))).toBe(-5 * 3_600_000);
    // 8 March 2026, 02:00 → 03:00: the day, and the days either side (their ±24 h margins reach it).
    for (const iso of ['2026-03-07', '2026-03-08', '2026-03-09']) {
      expect(steadyOffsetOfDay(table, epochDayOf(Temporal.PlainDate.from(iso)))).toBeUndefined();
    }
    expect(steadyOffsetOfDay(table, epochDayOf(Temporal.PlainDate.from('2026-03-11')))).toBe(-4 * 3_600_000);
  });
});
