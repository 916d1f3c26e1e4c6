import { Temporal } from 'temporal-polyfill';
import type {
  Availability,
  AvailabilitySlot,
  Booking,
  Candidate,
  Closure,
  Period,
  Programme,
  SchoolCalendar,
  Term,
  Weekday,
} from '../server/src/domain/scheduling/index.js';
import { BookingIndex, bookingsOf, findSlots, occurrencesOf, WEEKDAYS } from '../server/src/domain/scheduling/index.js';

/*
 * Generated, realistic school calendars and students for the scheduling benchmarks (and for
 * any other benchmark that needs a network of schools). Everything comes from a seeded PRNG
 * so two runs see the same network.
 */

/** mulberry32: tiny, fast and good enough to vary fixtures; never for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const d = (iso: string) => Temporal.PlainDate.from(iso);

export const ACADEMIC_YEAR: Programme = {
  start: d('2025-09-01'),
  end: d('2026-07-22'),
  sessionMinutes: 30,
  frequency: 'weekly',
};

export const TEACHING_PERIODS = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6'] as const;

/** Registration, six 50-minute periods, break and lunch; the day starts between 08:25 and 08:50. */
function bellSchedule(random: Random): Record<Weekday, Period[]> {
  let minute = 8 * 60 + 25 + 5 * between(random, 0, 5);
  const slot = (name: string, length: number): Period => {
    const start = new Temporal.PlainTime(Math.floor(minute / 60), minute % 60);
    minute += length;
    return { name, start, end: new Temporal.PlainTime(Math.floor(minute / 60), minute % 60) };
  };
  const day = [
    slot('Registration', 20),
    slot('P1', 50),
    slot('P2', 50),
    slot('Break', 20),
    slot('P3', 50),
    slot('P4', 50),
    slot('Lunch', 45),
    slot('P5', 50),
    slot('P6', 50),
  ];
  return { 1: day, 2: day, 3: day, 4: day, 5: day };
}

/** Six terms (three terms, each split by a half-term), with dates that differ a little by school. */
function academicTerms(random: Random): Term[] {
  const shift = (iso: string, days: number) => d(iso).add({ days });
  const w = () => 7 * between(random, 0, 1);
  const start = between(random, 1, 3); // 2, 3 or 4 September 2025
  return [
    { name: 'Autumn 1', start: shift('2025-09-01', start), end: shift('2025-10-17', w()) },
    { name: 'Autumn 2', start: shift('2025-10-27', w()), end: d('2025-12-19') },
    { name: 'Spring 1', start: d('2026-01-05'), end: shift('2026-02-13', -w()) },
    { name: 'Spring 2', start: shift('2026-02-23', -w()), end: d('2026-03-27') },
    { name: 'Summer 1', start: d('2026-04-13'), end: shift('2026-05-22', -w()) },
    { name: 'Summer 2', start: d('2026-06-01'), end: shift('2026-07-17', between(random, 0, 5)) },
  ];
}

function closures(random: Random, terms: Term[]): Closure[] {
  const dayIn = (term: Term) => {
    const span = term.start.until(term.end).days;
    let date = term.start.add({ days: between(random, 0, span) });
    while (date.dayOfWeek > 5) date = date.add({ days: 1 });
    return date;
  };
  // Five INSET days: usually the first day of a term, the rest scattered.
  const inset = [terms[0]!.start, terms[2]!.start, terms[4]!.start, dayIn(terms[1]!), dayIn(terms[3]!)];
  const list: Closure[] = inset.map((date) => ({ date, reason: 'INSET day' }));
  for (let i = between(random, 2, 5); i > 0; i--) {
    const term = pick(random, terms);
    if (random() < 0.5) list.push({ date: dayIn(term), reason: 'Snow day' });
    else list.push({ date: dayIn(term), from: new Temporal.PlainTime(12, 30), reason: 'Year 11 trip' });
  }
  list.push({ date: dayIn(terms[4]!), from: new Temporal.PlainTime(8, 30), to: new Temporal.PlainTime(12, 40), reason: 'Mock exams' });
  return list;
}

export function makeSchool(random: Random, schoolId: string, timeZone = 'Europe/London'): SchoolCalendar {
  const terms = academicTerms(random);
  return {
    schoolId,
    timeZone,
    bellSchedule: bellSchedule(random),
    // Half the schools start the year in Week B, so partners' phases differ.
    cycle: { weeks: 2, knownWeekAMonday: d(pick(random, ['2025-09-01', '2025-09-08'])) },
    terms,
    closures: closures(random, terms),
    devicePool: { devices: between(random, 4, 10) },
  };
}

/** A student free in `count` distinct periods of the two-week cycle, some of them in both weeks. */
export function makeAvailability(random: Random, studentId: string, schoolId: string, count: number): Availability {
  const seen = new Set<string>();
  const slots: AvailabilitySlot[] = [];
  while (slots.length < count) {
    const slot: AvailabilitySlot = {
      week: pick(random, ['A', 'B', 'any', 'any'] as const),
      weekday: pick(random, WEEKDAYS),
      period: pick(random, TEACHING_PERIODS),
    };
    const key = `${slot.week}${slot.weekday}${slot.period}`;
    if (seen.has(key)) continue;
    seen.add(key);
    slots.push(slot);
  }
  return { studentId, schoolId, slots };
}

export interface PairingFixture {
  mentor: Availability;
  mentee: Availability;
  mentorSchool: SchoolCalendar;
  menteeSchool: SchoolCalendar;
}

export interface NetworkFixture {
  schools: SchoolCalendar[];
  partnerships: { mentorSchool: SchoolCalendar; menteeSchool: SchoolCalendar }[];
  pairings: PairingFixture[];
  programme: Programme;
}

/**
 * `schools` schools in schools/2 partnerships; each partnership pairs its mentees with a
 * smaller group of mentors (caseload ≤ 3), so students and devices are genuinely shared.
 */
export function makeNetwork(opts: { schools: number; pairings: number; seed: number; timeZones?: readonly string[] }): NetworkFixture {
  const random = seededRandom(opts.seed);
  const zones = opts.timeZones ?? ['Europe/London'];
  const schools = Array.from({ length: opts.schools }, (_, i) => makeSchool(random, `school-${i}`, zones[i % zones.length]));
  const partnerships = Array.from({ length: Math.floor(opts.schools / 2) }, (_, i) => ({
    mentorSchool: schools[2 * i]!,
    menteeSchool: schools[2 * i + 1]!,
  }));
  const perPartnership = Math.ceil(opts.pairings / partnerships.length);
  const mentorsPer = Math.ceil(perPartnership / 3);
  const pairings: PairingFixture[] = [];
  partnerships.forEach(({ mentorSchool, menteeSchool }, p) => {
    // Sixth-formers have many study periods; Year 11s a handful of tutor or intervention slots.
    const mentors = Array.from({ length: mentorsPer }, (_, i) =>
      makeAvailability(random, `mentor-${p}-${i}`, mentorSchool.schoolId, between(random, 10, 16)),
    );
    for (let i = 0; i < perPartnership && pairings.length < opts.pairings; i++) {
      const mentee = makeAvailability(random, `mentee-${p}-${i}`, menteeSchool.schoolId, between(random, 6, 10));
      pairings.push({ mentor: mentors[i % mentorsPer]!, mentee, mentorSchool, menteeSchool });
    }
  });
  return { schools, partnerships, pairings, programme: ACADEMIC_YEAR };
}

/** The network the network-schedule bench schedules. */
export const NETWORK_BENCH = { schools: 500, pairings: 5000, seed: 20250901 };

export interface NetworkScheduleResult {
  scheduled: number;
  unscheduled: number;
  sessions: number;
  /** Each pairing's chosen slot in network order (undefined: none left), kept by reference so timing builds nothing extra. */
  chosen: (Candidate | undefined)[];
}

/** The scheduler a run uses: the live one, or the frozen baseline the bench compares it with. */
export interface Scheduler<Index extends { add(booking: Booking): void }> {
  newIndex(): Index;
  findSlots(search: PairingFixture & { programme: Programme; bookings: Index; limit: number }): readonly Candidate[];
}

export const liveScheduler: Scheduler<BookingIndex> = { newIndex: () => new BookingIndex(), findSlots };

/** Greedy: each pairing in turn takes its best slot, and its sessions then hold devices and students. */
export function runNetworkSchedule<Index extends { add(booking: Booking): void }>(
  network: NetworkFixture,
  scheduler: Scheduler<Index>,
): NetworkScheduleResult {
  const bookings = scheduler.newIndex();
  const result: NetworkScheduleResult = { scheduled: 0, unscheduled: 0, sessions: 0, chosen: [] };
  for (const pairing of network.pairings) {
    const [best] = scheduler.findSlots({ ...pairing, programme: network.programme, bookings, limit: 1 });
    result.chosen.push(best);
    if (!best) {
      result.unscheduled++;
      continue;
    }
    const occurrences = occurrencesOf(best);
    for (const booking of bookingsOf(occurrences, pairing.mentor, pairing.mentee)) bookings.add(booking);
    result.scheduled++;
    result.sessions += occurrences.length;
  }
  return result;
}

/** One pairing's placement in words that differ whenever anything about it differs: slot, period, every session and every lost date. */
export function placementOf(candidate: Candidate | undefined): string {
  if (!candidate) return 'unscheduled';
  const sessions = candidate.sessions.map((s) => `${s.date.toString()}@${s.start.epochMilliseconds}-${s.end.epochMilliseconds}`);
  const lost = candidate.lostDates.map((l) => `${l.date.toString()}:${l.school}:${l.reason}:${l.detail ?? ''}`);
  return [candidate.weekday, candidate.localStart.toString(), candidate.menteePeriod, candidate.everyWeekSameSlot, sessions.join(','), lost.join(',')].join(' ');
}
