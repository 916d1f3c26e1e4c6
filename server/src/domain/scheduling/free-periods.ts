import type { Availability, AvailabilitySlot, SchoolCalendar, Weekday } from './calendar.js';

/*
 * A student's free periods must be periods the school's bell schedule has on
 * that weekday: a slot naming anything else could never be booked, and the
 * matcher would count it as shared time that does not exist.
 */

export const WEEKDAY_NAMES: Record<number, string> = { 1: 'Monday', 2: 'Tuesday', 3: 'Wednesday', 4: 'Thursday', 5: 'Friday' };

/** The part of a stored calendar these rules read: period names by weekday ("1"–"5"), and the cycle length. */
export interface BellPeriods {
  bellSchedule: Record<string, readonly { name: string }[]>;
  cycleWeeks: number;
}

type Slot = Pick<AvailabilitySlot, 'period'> & { week: 'A' | 'B' | 'any'; weekday: number };

/** Every reason the slots do not fit the bell schedule, in words that name the period and the day; empty when all fit. */
export function freePeriodProblems(slots: readonly Slot[], calendar: BellPeriods): string[] {
  const problems: string[] = [];
  for (const slot of slots) {
    const day = WEEKDAY_NAMES[slot.weekday] ?? `weekday ${slot.weekday}`;
    const periods = (calendar.bellSchedule[String(slot.weekday)] ?? []).map((p) => p.name);
    if (slot.week === 'B' && calendar.cycleWeeks === 1) {
      problems.push(`Week B ${day} ${slot.period}: the school runs a one-week timetable, so there is no Week B`);
    } else if (periods.length === 0) {
      problems.push(`${day} ${slot.period}: ${day} has no periods in the bell schedule`);
    } else if (!periods.includes(slot.period)) {
      problems.push(`"${slot.period}" is not a ${day} period in the bell schedule (${day} has ${periods.join(', ')})`);
    }
  }
  return [...new Set(problems)];
}

/** The same slots once each, in the order first named (a file may name one twice). */
export function distinctSlots<S extends Slot>(slots: readonly S[]): S[] {
  const seen = new Map<string, S>();
  for (const slot of slots) seen.set(`${slot.week}|${slot.weekday}|${slot.period}`, slot);
  return [...seen.values()];
}

/**
 * A student whose free periods were never recorded, read as free in every period of their
 * school's bell schedule. Only re-flow uses it: a closure or a new holiday must still cancel
 * such a pair's sessions on the days the school is shut, whatever their availability.
 */
export function freeInEveryPeriod(studentId: string, school: SchoolCalendar): Availability {
  const slots = Object.entries(school.bellSchedule).flatMap(([weekday, periods]) =>
    periods.map((p) => ({ week: 'any' as const, weekday: Number(weekday) as Weekday, period: p.name })),
  );
  return { studentId, schoolId: school.schoolId, slots };
}
