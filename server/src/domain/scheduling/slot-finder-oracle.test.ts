import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { Availability, Period, SchoolCalendar, Weekday } from './calendar.js';
import { closuresOn, cycleWeekOf, termContaining, WEEKDAYS } from './calendar.js';
import { findSlots } from './slot-finder.js';
import { closure, date, school, terms } from './test-fixtures.js';

/*
 * The fast slot finder (cached epoch milliseconds) checked against a slow, obvious one built
 * only from Temporal and calendar.ts, on seeded random schools in four zones across both
 * clock changes: every session it offers must really work, and every overlap of two free
 * periods on any date must appear among its candidates.
 */

function lcg(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    // The high bits: an LCG's low bits repeat with a short period.
    return Math.floor((s / 2147483648) * n);
  };
}

const ZONES = ['Europe/London', 'Europe/Dublin', 'America/New_York', 'Europe/Paris'];
const PROGRAMME = { start: date('2026-01-05'), end: date('2026-06-26'), frequency: 'weekly' as const, sessionMinutes: 30 };
const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (m: number) => Temporal.PlainTime.from(`${pad(Math.floor(m / 60))}:${pad(m % 60)}`);

function randomSchool(rand: (n: number) => number, id: string): SchoolCalendar {
  let minute = 8 * 60 + 5 * rand(13);
  const day: Period[] = ['Reg', 'P1', 'P2', 'P3', 'P4', 'P5'].map((name) => {
    const length = name === 'Reg' ? 15 : 45 + 5 * rand(4);
    const period = { name, start: hhmm(minute), end: hhmm(minute + length) };
    minute += length + 5 * rand(3);
    return period;
  });
  const bellSchedule = { 1: day, 2: day, 3: day, 4: day, 5: day };
  const half = rand(2) * 7;
  return school(id, {
    timeZone: ZONES[rand(ZONES.length)]!,
    bellSchedule,
    cycle: { weeks: rand(4) === 0 ? 1 : 2, knownWeekAMonday: date(rand(2) ? '2025-09-01' : '2025-09-08') },
    terms: terms(['Spring 1', '2026-01-05', `2026-02-${pad(6 + half)}`], ['Spring 2', `2026-02-${pad(16 + half)}`, '2026-03-27'], ['Summer', '2026-04-13', '2026-07-17']),
    closures: [
      closure(`2026-0${1 + rand(5)}-${pad(10 + rand(15))}`, 'INSET day'),
      closure(`2026-0${1 + rand(5)}-${pad(10 + rand(15))}`, 'Trip', '12:00'),
      closure(`2026-0${1 + rand(5)}-${pad(10 + rand(15))}`, 'Exams', '08:00', '10:30'),
    ],
  });
}

function randomStudent(rand: (n: number) => number, id: string, schoolId: string): Availability {
  const slots = Array.from({ length: 14 + rand(10) }, () => ({
    week: (['A', 'B', 'any'] as const)[rand(3)]!,
    weekday: WEEKDAYS[rand(5)]!,
    period: ['P1', 'P2', 'P3', 'P4', 'P5'][rand(5)]!,
  }));
  return { studentId: id, schoolId, slots };
}

/** Free periods of a student on a local date, as absolute spans, by the obvious route. */
function freeSpans(calendar: SchoolCalendar, student: Availability, day: Temporal.PlainDate) {
  if (day.dayOfWeek > 5 || !termContaining(calendar, day)) return [];
  const closures = closuresOn(calendar, day);
  if (closures.some((c) => !c.from && !c.to)) return [];
  const week = cycleWeekOf(calendar, day);
  const at = (t: Temporal.PlainTime) => day.toZonedDateTime({ timeZone: calendar.timeZone, plainTime: t }).toInstant();
  const blocked = closures.map((c) => [c.from ? at(c.from) : null, c.to ? at(c.to) : null] as const);
  return calendar.bellSchedule[day.dayOfWeek as Weekday]
    .filter((p) => student.slots.some((s) => s.weekday === day.dayOfWeek && s.period === p.name && (s.week === 'any' || s.week === week)))
    .map((p) => ({ start: at(p.start), end: at(p.end), blocked }));
}

const covers = (span: ReturnType<typeof freeSpans>[number], start: Temporal.Instant, end: Temporal.Instant) =>
  Temporal.Instant.compare(span.start, start) <= 0 &&
  Temporal.Instant.compare(end, span.end) <= 0 &&
  !span.blocked.some(([from, to]) => (!from || Temporal.Instant.compare(from, end) < 0) && (!to || Temporal.Instant.compare(to, start) > 0));

const localDate = (i: Temporal.Instant, zone: string) => i.toZonedDateTimeISO(zone).toPlainDate();

describe('findSlots agrees with a slow Temporal-only oracle', () => {
  const rand = lcg(20260105);
  const cases = Array.from({ length: 20 }, (_, i) => {
    const mentorSchool = randomSchool(rand, `m${i}`);
    const menteeSchool = randomSchool(rand, `n${i}`);
    return { i, mentorSchool, menteeSchool, mentor: randomStudent(rand, `mentor${i}`, `m${i}`), mentee: randomStudent(rand, `mentee${i}`, `n${i}`) };
  });

  it.each(cases)('random pairing $i ($mentorSchool.timeZone mentor, $menteeSchool.timeZone mentee)', (c) => {
    const candidates = findSlots({ ...c, programme: PROGRAMME, bookings: [] });
    const menteeZone = c.menteeSchool.timeZone;
    const offered = new Set(candidates.map((k) => `${k.weekday} ${k.localStart.toString()}`));

    for (const candidate of candidates) {
      for (const s of candidate.sessions) {
        const local = s.start.toZonedDateTimeISO(menteeZone);
        expect(local.toPlainTime().equals(candidate.localStart) && local.dayOfWeek === candidate.weekday).toBe(true);
        const mentorSpans = freeSpans(c.mentorSchool, c.mentor, localDate(s.start, c.mentorSchool.timeZone));
        const menteeSpans = freeSpans(c.menteeSchool, c.mentee, local.toPlainDate());
        expect(mentorSpans.some((span) => covers(span, s.start, s.end)), `mentor ${s.start}`).toBe(true);
        expect(menteeSpans.some((span) => covers(span, s.start, s.end)), `mentee ${s.start}`).toBe(true);
      }
      // Every date of that weekday in the programme is either a session or explained.
      const all = [...candidate.sessions, ...candidate.lostDates].map((x) => x.date.toString()).sort();
      const expected: string[] = [];
      for (let d = PROGRAMME.start; Temporal.PlainDate.compare(d, PROGRAMME.end) <= 0; d = d.add({ days: 1 })) {
        if (d.dayOfWeek === candidate.weekday) expected.push(d.toString());
      }
      expect(all).toEqual(expected);
    }

    // Completeness: any overlap of two free periods long enough for a session is offered.
    for (let d = PROGRAMME.start; Temporal.PlainDate.compare(d, PROGRAMME.end) <= 0; d = d.add({ days: 1 })) {
      for (const theirs of freeSpans(c.menteeSchool, c.mentee, d)) {
        for (const near of [-1, 0, 1]) {
          for (const ours of freeSpans(c.mentorSchool, c.mentor, d.add({ days: near }))) {
            const from = Temporal.Instant.compare(theirs.start, ours.start) > 0 ? theirs.start : ours.start;
            const to = Temporal.Instant.compare(theirs.end, ours.end) < 0 ? theirs.end : ours.end;
            if (from.until(to).total('minutes') < 30) continue;
            const local = from.toZonedDateTimeISO(menteeZone);
            expect(offered.has(`${local.dayOfWeek} ${local.toPlainTime().toString()}`), `overlap at ${from}`).toBe(true);
          }
        }
      }
    }
  });
});
