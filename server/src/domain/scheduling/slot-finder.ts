import type { Temporal } from 'temporal-polyfill';
import type { Programme, Weekday } from './calendar.js';
import { DEFAULT_SESSION_MINUTES, timeOfMinute } from './calendar.js';
import type { Pairing, PairingInput } from './pairing.js';
import { pairingOf } from './pairing.js';
import type { Loss } from './slot-rules.js';
import { lossAt } from './slot-rules.js';
import { addStartKeys } from './start-keys.js';
import { dateOfEpochDay, epochDayOf, instantOf, localEpochMs, weekdayOfEpochDay } from './zone-clock.js';

/** One session on the absolute timeline; `date` is the mentee school's local date. */
export interface Occurrence {
  date: Temporal.PlainDate;
  start: Temporal.Instant;
  end: Temporal.Instant;
}

/** A programme date on which the candidate's slot cannot be used, and whose doing that is. */
export interface LostDate extends Loss {
  /** The mentee school's local date. */
  date: Temporal.PlainDate;
}

/**
 * A weekly slot: a weekday and a wall-clock start time at the MENTEE's school (the anchor;
 * Year 11 timetables are the less flexible side, and the mentor's local time can move when
 * the two zones change their clocks on different dates).
 */
export interface Candidate {
  anchor: { side: 'mentee'; schoolId: string; timeZone: string };
  weekday: Weekday;
  localStart: Temporal.PlainTime;
  sessionMinutes: number;
  /** The mentee's period the session sits in ('Tutor', 'P3'). */
  menteePeriod: string;
  sessions: Occurrence[];
  lostDates: LostDate[];
  /**
   * The slot works in every week both schools are open, whatever either A/B cycle says:
   * a coordinator can simply say "Tuesdays at 08:40".
   */
  everyWeekSameSlot: boolean;
}

export interface SlotSearch extends Omit<PairingInput, 'sessionMinutes'> {
  programme: Programme;
  /** Only the best `limit` candidates are built in full (the rest are still ranked). */
  limit?: number;
}

/** A candidate before it is built: parallel arrays of numbers, since most are ranked and dropped. */
interface Pattern {
  weekday: Weekday;
  minute: number;
  sessionDays: number[];
  sessionStarts: number[];
  lossDays: number[];
  losses: Loss[];
  everyWeekSameSlot: boolean;
}

/** Every weekly slot in which the pairing can meet over the programme, best first. */
export function findSlots(input: SlotSearch): Candidate[] {
  const { programme } = input;
  if (programme.frequency !== 'weekly') throw new RangeError(`Unsupported frequency ${String(programme.frequency)}`);
  // Day numbers order dates as PlainDate.compare does (by ISO date), at a fraction of its cost.
  const first = epochDayOf(programme.start);
  const last = epochDayOf(programme.end);
  if (first > last) throw new RangeError('The programme ends before it starts');
  const sessionMinutes = programme.sessionMinutes ?? DEFAULT_SESSION_MINUTES;
  const pairing = pairingOf({ ...input, sessionMinutes });

  // Starts are collected from every programme date, not one sample week: each date has its
  // own pair of A/B weeks and, across zones, its own pair of UTC offsets.
  const keys = new Set<number>();
  addStartKeys(pairing, first, last, keys);

  const patterns: Pattern[] = [];
  for (const key of keys) {
    const pattern = evaluate(pairing, Math.floor(key / 1440) as Weekday, key % 1440, first, last);
    if (pattern.sessionDays.length > 0) patterns.push(pattern);
  }
  patterns.sort(byRank);
  return patterns.slice(0, input.limit ?? patterns.length).map((p) => materialise(pairing, p, sessionMinutes));
}

function evaluate(p: Pairing, weekday: Weekday, minute: number, first: number, last: number): Pattern {
  const { timeZone } = p.mentee.timeline.calendar;
  const pattern: Pattern = { weekday, minute, sessionDays: [], sessionStarts: [], lossDays: [], losses: [], everyWeekSameSlot: true };
  const offset = (weekday - weekdayOfEpochDay(first) + 7) % 7;
  // Stepping the date by 7 is calendar arithmetic; the instant of each date comes from Temporal.
  for (let day = first + offset; day <= last; day += 7) {
    const startMs = localEpochMs(timeZone, day, minute);
    const loss = lossAt(p, day, startMs);
    if (loss) {
      pattern.lossDays.push(day);
      pattern.losses.push(loss);
      if (loss.reason !== 'holiday' && loss.reason !== 'closure') pattern.everyWeekSameSlot = false;
    } else {
      pattern.sessionDays.push(day);
      pattern.sessionStarts.push(startMs);
    }
  }
  return pattern;
}

/** Same slot every week first, then fewer lost dates, then earlier in the mentee's day; then more sessions, then Monday first. */
function byRank(a: Pattern, b: Pattern): number {
  return (
    Number(b.everyWeekSameSlot) - Number(a.everyWeekSameSlot) ||
    a.losses.length - b.losses.length ||
    a.minute - b.minute ||
    b.sessionDays.length - a.sessionDays.length ||
    a.weekday - b.weekday
  );
}

function materialise(p: Pairing, pattern: Pattern, sessionMinutes: number): Candidate {
  const calendar = p.mentee.timeline.calendar;
  const firstDay = pattern.sessionDays[0]!;
  const firstStartMs = pattern.sessionStarts[0]!;
  const period = p.mentee.timeline
    .periods(firstDay)
    .find((x) => x.startMs <= firstStartMs && firstStartMs + p.lengthMs <= x.endMs);
  return {
    anchor: { side: 'mentee', schoolId: calendar.schoolId, timeZone: calendar.timeZone },
    weekday: pattern.weekday,
    localStart: timeOfMinute(pattern.minute),
    sessionMinutes,
    menteePeriod: period?.name ?? '',
    sessions: pattern.sessionDays.map((day, i) => {
      const startMs = pattern.sessionStarts[i]!;
      return { date: dateOfEpochDay(day), start: instantOf(startMs), end: instantOf(startMs + p.lengthMs) };
    }),
    lostDates: pattern.lossDays.map((day, i) => ({ date: dateOfEpochDay(day), ...pattern.losses[i]! })),
    everyWeekSameSlot: pattern.everyWeekSameSlot,
  };
}
