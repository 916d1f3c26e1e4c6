import { describe, expect, it } from 'vitest';
import { closuresOn, cycleWeekOf, minuteOfDay, termContaining, timeOfMinute } from './calendar.js';
import { timelineOf } from './school-timeline.js';
import { closure, date, instant, school, terms } from './test-fixtures.js';
import { epochDayOf, instantOf as instantOfMs } from './zone-clock.js';

describe('timeOfMinute', () => {
  it('gives every minute of the day its time, one shared object per minute, and refuses minutes outside a day', () => {
    for (let minute = 0; minute < 1440; minute++) {
      expect(minuteOfDay(timeOfMinute(minute))).toBe(minute);
      expect(timeOfMinute(minute)).toBe(timeOfMinute(minute));
    }
    expect(timeOfMinute(8 * 60 + 40).toString()).toBe('08:40:00');
    expect(() => timeOfMinute(1440)).toThrow(RangeError);
    expect(() => timeOfMinute(-1)).toThrow(RangeError);
  });
});

describe('cycleWeekOf', () => {
  const twoWeek = school('s', { cycle: { weeks: 2, knownWeekAMonday: date('2025-09-01') } });

  it.each([
    ['the known Monday', '2025-09-01', 'A'],
    ['the Friday of that week', '2025-09-05', 'A'],
    ['the weekend keeps its week', '2025-09-07', 'A'],
    ['the next Monday', '2025-09-08', 'B'],
    ['two weeks on', '2025-09-15', 'A'],
    ['after the October half-term (the cycle keeps running)', '2025-11-03', 'B'],
    ['after Christmas, 18 calendar weeks on', '2026-01-05', 'A'],
    ['the week before the known Week A', '2025-08-29', 'B'],
    ['two weeks before', '2025-08-18', 'A'],
  ])('%s (%s) is Week %s', (_label, iso, expected) => {
    expect(cycleWeekOf(twoWeek, date(iso))).toBe(expected);
  });

  it('is always Week A on a one-week timetable', () => {
    const oneWeek = school('s', { cycle: { weeks: 1, knownWeekAMonday: date('2025-09-01') } });
    expect(['2025-09-01', '2025-09-08', '2025-09-15'].map((d) => cycleWeekOf(oneWeek, date(d)))).toEqual(['A', 'A', 'A']);
  });

  it('accepts a known Week A date that is not a Monday', () => {
    const midweek = school('s', { cycle: { weeks: 2, knownWeekAMonday: date('2025-09-03') } });
    expect(cycleWeekOf(midweek, date('2025-09-01'))).toBe('A');
    expect(cycleWeekOf(midweek, date('2025-09-08'))).toBe('B');
  });

  it('agrees with the precomputed timeline for every day of a year', () => {
    const timeline = timelineOf(twoWeek);
    for (let d = date('2025-08-01'); d.year < 2027; d = d.add({ days: 1 })) {
      const bit = timeline.day(epochDayOf(d)).cycleBit;
      expect(bit === 1 ? 'A' : 'B', d.toString()).toBe(cycleWeekOf(twoWeek, d));
    }
  });
});

describe('terms and closures', () => {
  const calendar = school('s', {
    terms: terms(['Autumn 1', '2025-09-03', '2025-10-24'], ['Autumn 2', '2025-11-03', '2025-12-19']),
    closures: [closure('2025-10-10', 'INSET day'), closure('2025-11-12', 'Trip', '12:00')],
  });

  it.each([
    ['2025-09-02', undefined],
    ['2025-09-03', 'Autumn 1'],
    ['2025-10-24', 'Autumn 1'],
    ['2025-10-27', undefined],
    ['2025-11-03', 'Autumn 2'],
  ])('%s is in term %s', (iso, name) => {
    expect(termContaining(calendar, date(iso))?.name).toBe(name);
  });

  it('marks holidays and whole-day closures as shut, and keeps partial closures as spans', () => {
    const timeline = timelineOf(calendar);
    expect(timeline.day(epochDayOf(date('2025-10-28'))).shut).toEqual({ reason: 'holiday' });
    expect(timeline.day(epochDayOf(date('2025-10-10'))).shut).toEqual({ reason: 'closure', detail: 'INSET day' });
    const trip = timeline.day(epochDayOf(date('2025-11-12')));
    expect(trip.shut).toBeUndefined();
    expect(trip.partialClosures).toEqual([{ startMs: instant('2025-11-12T12:00:00Z').epochMilliseconds, endMs: Infinity, detail: 'Trip' }]);
    expect(closuresOn(calendar, date('2025-11-12')).map((c) => c.reason)).toEqual(['Trip']);
  });
});

describe('school timelines', () => {
  it('share period instants between schools with the same bells and zone, but not across zones', () => {
    const day = epochDayOf(date('2026-03-31'));
    const london = timelineOf(school('a')).periods(day);
    expect(timelineOf(school('b')).periods(day)).toBe(london);
    const dublin = timelineOf(school('c', { timeZone: 'Europe/Dublin' })).periods(day);
    expect(dublin).not.toBe(london);
    expect(dublin.map((p) => p.startMs)).toEqual(london.map((p) => p.startMs));
    const paris = timelineOf(school('d', { timeZone: 'Europe/Paris' })).periods(day);
    const first = (periods: typeof london) => instantOfMs(periods[0]!.startMs);
    expect(first(paris).until(first(london)).total('hours')).toBe(1);
  });

  it('has no periods at the weekend', () => {
    expect(timelineOf(school('a')).periods(epochDayOf(date('2026-03-28')))).toEqual([]);
  });
});
