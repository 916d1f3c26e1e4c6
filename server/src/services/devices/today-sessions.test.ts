import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { TodaySessions } from './today-sessions.js';

const device = { deviceId: '00000007-0000-4000-8000-000000000001', label: 'Library iPad', school: { id: '00000001-0000-4000-8000-000000000001', name: 'Hill', timeZone: 'Europe/London' } };

/** A clock the test sets, and a repository that writes down the day it was asked for. */
function today() {
  let now = Temporal.Instant.from('2026-03-28T23:59:59.999Z');
  const asked: [string, string][] = [];
  const sessions = {
    listDayForSchool: async (_school: string, fromMs: number, toMs: number) => {
      asked.push([Temporal.Instant.fromEpochMilliseconds(fromMs).toString(), Temporal.Instant.fromEpochMilliseconds(toMs).toString()]);
      return [];
    },
  };
  const list = new TodaySessions({ sessions, clock: { now: () => now } });
  return { list, asked, set: (iso: string) => (now = Temporal.Instant.from(iso)) };
}

describe("the iPad's day", () => {
  it('moves to the next day at the school’s midnight, a clock change day included, though it is remembered between polls', async () => {
    const t = today();
    expect((await t.list.forDevice(device)).date).toBe('2026-03-28');
    t.set('2026-03-29T00:00:00Z');
    // 29 March 2026: the clocks go forward in London, so that day is 23 hours long.
    expect((await t.list.forDevice(device)).date).toBe('2026-03-29');
    t.set('2026-03-29T22:59:59.999Z');
    expect((await t.list.forDevice(device)).date).toBe('2026-03-29');
    t.set('2026-03-29T23:00:00Z');
    expect((await t.list.forDevice(device)).date).toBe('2026-03-30');
    // Back in time (a test clock may jump): the day is worked out again, not the remembered one.
    t.set('2026-03-28T12:00:00Z');
    expect((await t.list.forDevice(device)).date).toBe('2026-03-28');
    expect(t.asked).toEqual([
      ['2026-03-28T00:00:00Z', '2026-03-29T00:00:00Z'],
      ['2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z'],
      ['2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z'],
      ['2026-03-29T23:00:00Z', '2026-03-30T23:00:00Z'],
      ['2026-03-28T00:00:00Z', '2026-03-29T00:00:00Z'],
    ]);
  });

  it('is each school’s own day, in its own time zone', async () => {
    const t = today();
    t.set('2026-06-01T23:30:00Z');
    expect((await t.list.forDevice(device)).date).toBe('2026-06-02');
    expect((await t.list.forDevice({ ...device, school: { ...device.school, timeZone: 'America/New_York' } })).date).toBe('2026-06-01');
    expect((await t.list.forDevice(device)).date).toBe('2026-06-02');
  });
});
