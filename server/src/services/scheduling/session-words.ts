import type { Temporal } from 'temporal-polyfill';
import type { CancelledSession, RestoredSession } from '@peerbridge/shared';
import { formatSessionWhen, type ChangeLoss } from '../../domain/scheduling/index.js';
import type { PairingContext, PairingSide } from './pairing-context.js';

/*
 * How a session change names things for coordinators: the pair by first name and school, the
 * session's own date and time at the mentee's school, and why in plain words. Stored with the
 * change as written, so a list read later says what was said then.
 */

const schoolOf = (ctx: PairingContext, side: PairingSide) => ctx.names.get(ctx.pairing[side].schoolId) ?? side;

/** The pair and the session's own date and time. */
export function namedSession(ctx: PairingContext, occurrenceId: string, start: Temporal.Instant): RestoredSession {
  const zone = ctx.menteeSchool.timeZone;
  return {
    occurrenceId,
    date: start.toZonedDateTimeISO(zone).toPlainDate().toString(),
    when: formatSessionWhen(start, zone, schoolOf(ctx, 'mentee')),
    mentor: { firstName: ctx.pairing.mentor.firstName, school: schoolOf(ctx, 'mentor') },
    mentee: { firstName: ctx.pairing.mentee.firstName, school: schoolOf(ctx, 'mentee') },
  };
}

/** Why a session no longer fits: "Riverside: INSET day", "Hillcrest: Sam is free then only in Week B". */
export function describeLoss(ctx: PairingContext, loss: ChangeLoss): string {
  const programme = `${ctx.programme.start.toString()} to ${ctx.programme.end.toString()}`;
  const where = loss.school === 'both' ? 'Both schools' : schoolOf(ctx, loss.school);
  const who = loss.school === 'both' ? 'a student' : ctx.pairing[loss.school].firstName;
  switch (loss.reason) {
    case 'outside_programme':
      return `Outside the programme's dates (${programme})`;
    case 'holiday':
    case 'closure':
      return `${where}: ${loss.detail ?? loss.reason}`;
    case 'not_in_cycle_week':
      return `${where}: ${who} is free at that time only in the other week of the A/B cycle`;
    case 'not_available':
      return `${where}: the timetable no longer has ${who} free at that time`;
    case 'student_booked':
      return `${where}: ${who} already has a session at that time`;
    case 'device_pool_full':
      return `${where}: every iPad is booked at that time`;
  }
}

/** A cancellation as its schedule change recorded it (see `CalendarReflow`); null for entries written before names were kept. */
export function cancelledFromChange(change: { id: number; occurrenceId: string | null; detail: Record<string, unknown> }): CancelledSession | null {
  const named = change.detail.session as RestoredSession | undefined;
  if (!named || !change.occurrenceId) return null;
  return {
    ...named,
    reason: String(change.detail.reason ?? ''),
    proposal: typeof change.detail.proposalWhen === 'string' ? change.detail.proposalWhen : null,
    changeId: change.id,
  };
}
