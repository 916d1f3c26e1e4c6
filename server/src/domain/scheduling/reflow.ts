import type { Temporal } from 'temporal-polyfill';
import type { Booking } from './calendar.js';
import type { Occurrence } from './slot-finder.js';
import type { Pairing, PairingInput } from './pairing.js';
import { pairingOf } from './pairing.js';
import type { Loss } from './slot-rules.js';
import { calendarLossAt, lossAt, startsOn } from './slot-rules.js';
import { dateOfEpochDay, epochDayOf, instantOf, localMomentOf, weekdayOfEpochDay } from './zone-clock.js';

/*
 * Re-flow after any calendar change (terms, bells, the A/B cycle, closures, programme dates):
 * a future session that is no longer a valid slot for its pair is cancelled, and a replacement
 * is looked for in the same week, inside the programme, by the slot finder's own rules.
 */

/** The session's date fell outside the programme's (new) dates. */
export interface OutsideProgramme {
  school: 'both';
  reason: 'outside_programme';
  detail?: undefined;
}

export type ChangeLoss = Loss | OutsideProgramme;

export type NoReplacementReason = 'schools_closed' | 'no_shared_time' | 'all_taken' | 'outside_programme';

export interface ChangeImpact {
  occurrence: Occurrence;
  /** Why the session no longer fits: which school's holiday, closure or timetable, or the programme's dates. */
  cancelledBecause: ChangeLoss;
  /** The nearest time in the same ISO week that passes every slot-finder rule, if any. */
  replacement: Occurrence | null;
  noReplacement?: { reason: NoReplacementReason; message: string };
}

const NO_REPLACEMENT_MESSAGES: Record<NoReplacementReason, string> = {
  schools_closed: 'The two schools are not both open on another day that week.',
  no_shared_time: 'The two students have no other free period in common that week.',
  all_taken: 'Every time the two students could meet that week is already taken (a student or the iPads are booked).',
  outside_programme: 'That week is outside the programme’s dates.',
};

/** The programme's dates, at the mentee's school. */
export interface ProgrammeDates {
  start: Temporal.PlainDate;
  end: Temporal.PlainDate;
}

export interface ChangeImpactInput extends Omit<PairingInput, 'sessionMinutes'> {
  /** The series' stored, still-scheduled occurrences. */
  occurrences: readonly Occurrence[];
  /** Defaults to the length of the stored occurrences. */
  sessionMinutes?: number;
  /** Sessions before this mentee-school date have happened (or not) already and are left alone. */
  today: Temporal.PlainDate;
  /** No replacement is proposed to start before this instant (today's earlier slots are over). */
  now?: Temporal.Instant;
  /** Omitted: no programme limit (a closure checked on its own). */
  programme?: ProgrammeDates;
  /**
   * Every booking at either school, the series' own included: those of the sessions being
   * cancelled are left out when looking for their replacements.
   */
  bookings: readonly Booking[];
}

/** Which of a series' future occurrences the calendars as they are now rule out, each with a same-week replacement. */
export function impactOfCalendarChange(input: ChangeImpactInput): ChangeImpact[] {
  const lost = ruledOut(input);
  if (lost.length === 0) return [];
  const sessionMinutes = lengthOf(input);
  const pairing = pairingOf({ ...input, sessionMinutes, bookings: withoutSessions(input.bookings, lost.map((l) => l.occurrence), input) });
  const today = epochDayOf(input.today);
  const window = programmeWindow(input.programme);
  const earliestMs = input.now?.epochMilliseconds ?? Number.NEGATIVE_INFINITY;
  return lost.map(({ occurrence, day, because }) => ({
    occurrence,
    cancelledBecause: because,
    ...(because.reason === 'outside_programme'
      ? noReplacement('outside_programme')
      : replacementFor(pairing, day, { first: Math.max(today, window.first), last: window.last, earliestMs })),
  }));
}

/**
 * The future occurrences the calendars and programme rule out, bookings aside: what re-flow
 * would cancel. Taken before a change too, so that the change cancels only what it breaks.
 */
export function sessionsRuledOut(input: Omit<ChangeImpactInput, 'bookings' | 'now'>): Occurrence[] {
  return ruledOut(input).map((l) => l.occurrence);
}

function lengthOf(input: Pick<ChangeImpactInput, 'occurrences' | 'sessionMinutes'>): number {
  const first = input.occurrences[0]!;
  return input.sessionMinutes ?? first.start.until(first.end).total('minutes');
}

function ruledOut(input: Omit<ChangeImpactInput, 'bookings' | 'now'>): { occurrence: Occurrence; day: number; because: ChangeLoss }[] {
  if (input.occurrences.length === 0) return [];
  const calendarsOnly = pairingOf({ ...input, sessionMinutes: lengthOf(input), bookings: [] });
  const { timeZone } = calendarsOnly.mentee.timeline.calendar;
  const today = epochDayOf(input.today);
  const window = programmeWindow(input.programme);
  const lost: { occurrence: Occurrence; day: number; because: ChangeLoss }[] = [];
  for (const occurrence of input.occurrences) {
    const startMs = occurrence.start.epochMilliseconds;
    const day = localMomentOf(timeZone, startMs).epochDay;
    if (day < today) continue;
    const because: ChangeLoss | undefined =
      day < window.first || day > window.last
        ? { school: 'both', reason: 'outside_programme' }
        : calendarLossAt(calendarsOnly, day, startMs, occurrence.end.epochMilliseconds);
    if (because) lost.push({ occurrence, day, because });
  }
  return lost;
}

/** Whether a single session at [start, end) passes every rule a new series must: calendars, programme dates, bookings, iPads. */
export function lossOfSession(
  input: Omit<ChangeImpactInput, 'occurrences' | 'today'> & { start: Temporal.Instant; end: Temporal.Instant },
): ChangeLoss | undefined {
  const sessionMinutes = input.start.until(input.end).total('minutes');
  const pairing = pairingOf({ ...input, sessionMinutes });
  const startMs = input.start.epochMilliseconds;
  const day = localMomentOf(pairing.mentee.timeline.calendar.timeZone, startMs).epochDay;
  const window = programmeWindow(input.programme);
  if (day < window.first || day > window.last) return { school: 'both', reason: 'outside_programme' };
  return lossAt(pairing, day, startMs);
}

function programmeWindow(programme: ProgrammeDates | undefined) {
  return programme
    ? { first: epochDayOf(programme.start), last: epochDayOf(programme.end) }
    : { first: Number.NEGATIVE_INFINITY, last: Number.POSITIVE_INFINITY };
}

/** The bookings minus those of the pair's own sessions being cancelled: their time is free again. */
function withoutSessions(bookings: readonly Booking[], sessions: readonly Occurrence[], pair: Pick<PairingInput, 'mentor' | 'mentee'>): Booking[] {
  const ours = new Set([pair.mentor.studentId, pair.mentee.studentId]);
  const times = new Set(sessions.map((s) => `${s.start.epochMilliseconds}/${s.end.epochMilliseconds}`));
  return bookings.filter(
    (b) => !(b.studentIds.some((id) => ours.has(id)) && times.has(`${b.start.epochMilliseconds}/${b.end.epochMilliseconds}`)),
  );
}

function noReplacement(reason: NoReplacementReason): Pick<ChangeImpact, 'replacement' | 'noReplacement'> {
  return { replacement: null, noReplacement: { reason, message: NO_REPLACEMENT_MESSAGES[reason] } };
}

function replacementFor(
  pairing: Pairing,
  cancelledDay: number,
  limits: { first: number; last: number; earliestMs: number },
): Pick<ChangeImpact, 'replacement' | 'noReplacement'> {
  const monday = cancelledDay - (weekdayOfEpochDay(cancelledDay) - 1);
  const days = [0, 1, 2, 3, 4].map((i) => monday + i).filter((d) => d >= limits.first && d <= limits.last);
  // Nearest day first (the cancelled day itself, for a partial closure), earlier day on a tie.
  days.sort((a, b) => Math.abs(a - cancelledDay) - Math.abs(b - cancelledDay) || a - b);
  let reason: NoReplacementReason = 'schools_closed';
  for (const day of days) {
    const found: number[] = [];
    startsOn(pairing, day, found);
    const starts = [...new Set(found.filter((_, i) => i % 2 === 0))].filter((ms) => ms > limits.earliestMs).sort((a, b) => a - b);
    if (starts.length > 0 && reason === 'schools_closed') reason = 'no_shared_time';
    for (const startMs of starts) {
      const loss = lossAt(pairing, day, startMs);
      if (!loss) {
        return { replacement: { date: dateOfEpochDay(day), start: instantOf(startMs), end: instantOf(startMs + pairing.lengthMs) } };
      }
      if (loss.reason === 'student_booked' || loss.reason === 'device_pool_full') reason = 'all_taken';
    }
    if (reason === 'schools_closed' && !pairing.mentee.timeline.day(day).shut && !pairing.mentor.timeline.day(day).shut) {
      reason = 'no_shared_time';
    }
  }
  return noReplacement(reason);
}
