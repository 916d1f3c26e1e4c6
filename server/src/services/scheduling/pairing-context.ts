import { Temporal } from 'temporal-polyfill';
import { can } from '../../domain/access/policy.js';
import type { Clock } from '../../domain/time/clock.js';
import type { findSlots, SchoolCalendar } from '../../domain/scheduling/index.js';
import { freeInEveryPeriod } from '../../domain/scheduling/free-periods.js';
import { AppError } from '../../errors.js';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';
import type { PairingRecord, SchedulingRepository } from '../../infra/db/scheduling-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';

export type PairingSide = 'mentor' | 'mentee';

/** Everything the slot finder and the conflict checks need about one pairing: both calendars, the programme, both students' availability. */
export interface PairingContext {
  pairing: PairingRecord;
  mentorSchool: SchoolCalendar;
  menteeSchool: SchoolCalendar;
  names: Map<string, string>;
  /** The programme as stored (dates at the mentee's school) and its caseload limit. */
  programme: { start: Temporal.PlainDate; end: Temporal.PlainDate; caseloadLimit: number };
  search: Omit<Parameters<typeof findSlots>[0], 'bookings'>;
}

/**
 * Loads a pairing's scheduling context, refusing in words when something it needs is missing.
 * Shared by series booking, re-flow after calendar changes and the series lifecycle.
 */
export class PairingContexts {
  constructor(
    private readonly deps: {
      calendars: Pick<CalendarRepository, 'load' | 'availabilityOf' | 'programmeOf'>;
      scheduling: Pick<SchedulingRepository, 'pairing' | 'schoolNames' | 'bookings'>;
      clock: Clock;
    },
  ) {}

  /**
   * `allowEndedProgramme`: load a pairing whose programme is over too (re-flow cancels its
   * sessions then); booking refuses it in words. `unknownAvailabilityIsFree`: a student with no
   * free periods recorded counts as free in every period, so re-flow still checks their sessions
   * against the calendars (booking refuses such a pair in words).
   */
  async load(
    staff: StaffIdentity,
    pairingId: string,
    options: { skipAccessCheck?: boolean; allowEndedProgramme?: boolean; unknownAvailabilityIsFree?: boolean } = {},
  ): Promise<PairingContext> {
    const pairing = await this.deps.scheduling.pairing(pairingId);
    if (!pairing) throw AppError.notFound('No such pairing.');
    if (!options.skipAccessCheck && !can(staff, 'schedule:manage', [pairing.mentor.schoolId, pairing.mentee.schoolId])) {
      throw new AppError('forbidden', 'Your account does not have access to that.');
    }
    const names = await this.deps.scheduling.schoolNames([pairing.mentor.schoolId, pairing.mentee.schoolId]);
    // One after another, not Promise.all: re-flow loads inside a transaction, whose one connection
    // runs a query at a time (pg queues the rest, and is dropping that queue in its next major).
    const mentorSchool = await this.deps.calendars.load(pairing.mentor.schoolId);
    const menteeSchool = await this.deps.calendars.load(pairing.mentee.schoolId);
    const programme = await this.deps.calendars.programmeOf(pairing.partnershipId);
    const availability = await this.deps.calendars.availabilityOf([pairing.mentor.id, pairing.mentee.id]);
    if (options.unknownAvailabilityIsFree) {
      if (mentorSchool && !availability.has(pairing.mentor.id)) availability.set(pairing.mentor.id, freeInEveryPeriod(pairing.mentor.id, mentorSchool));
      if (menteeSchool && !availability.has(pairing.mentee.id)) availability.set(pairing.mentee.id, freeInEveryPeriod(pairing.mentee.id, menteeSchool));
    }
    const missing = [
      !mentorSchool && `${names.get(pairing.mentor.schoolId)} has not set up its calendar`,
      !menteeSchool && `${names.get(pairing.mentee.schoolId)} has not set up its calendar`,
      !programme && 'the programme has no dates yet',
      !availability.get(pairing.mentor.id) && `${pairing.mentor.firstName} has no availability recorded`,
      !availability.get(pairing.mentee.id) && `${pairing.mentee.firstName} has no availability recorded`,
    ].filter((m): m is string => typeof m === 'string');
    if (missing.length > 0) throw new AppError('conflict', `Times cannot be suggested yet: ${missing.join('; ')}.`, { missing });
    const start = this.firstBookableDate(Temporal.PlainDate.from(programme!.startDate), menteeSchool!.timeZone);
    const end = Temporal.PlainDate.from(programme!.endDate);
    // A programme that is already over has no date left to book: say so, rather than search an empty range.
    if (!options.allowEndedProgramme && Temporal.PlainDate.compare(start, end) > 0) {
      throw new AppError('conflict', `The programme ended on ${programme!.endDate}. Set new programme dates to book sessions.`);
    }
    return {
      pairing,
      mentorSchool: mentorSchool!,
      menteeSchool: menteeSchool!,
      names,
      programme: { start: Temporal.PlainDate.from(programme!.startDate), end, caseloadLimit: programme!.caseloadLimit },
      search: {
        mentor: availability.get(pairing.mentor.id)!,
        mentee: availability.get(pairing.mentee.id)!,
        mentorSchool: mentorSchool!,
        menteeSchool: menteeSchool!,
        programme: { start, end, sessionMinutes: programme!.sessionMinutes, frequency: 'weekly' },
      },
    };
  }

  /** The bookings at both schools over the programme: what a new session must not clash with. */
  bookingsFor(ctx: PairingContext) {
    const zone = ctx.menteeSchool.timeZone;
    const from = ctx.search.programme.start.toZonedDateTime({ timeZone: zone }).toInstant();
    const to = ctx.search.programme.end.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).toInstant();
    return this.deps.scheduling.bookings([ctx.pairing.mentor.schoolId, ctx.pairing.mentee.schoolId], from, to);
  }

  /** One side of the pair as the conflict checks take it. */
  participant(ctx: PairingContext, side: PairingSide) {
    return {
      studentId: ctx.pairing[side].id,
      firstName: ctx.pairing[side].firstName,
      school: side === 'mentor' ? ctx.mentorSchool : ctx.menteeSchool,
      schoolName: ctx.names.get(ctx.pairing[side].schoolId) ?? '',
    };
  }

  /** The pair as the audit trail names them: first name and school, as partner-school students always appear. */
  pairRefs(ctx: PairingContext) {
    const ref = (side: PairingSide) => ({
      id: ctx.pairing[side].id,
      firstName: ctx.pairing[side].firstName,
      schoolName: ctx.names.get(ctx.pairing[side].schoolId) ?? '',
    });
    return { mentor: ref('mentor'), mentee: ref('mentee') };
  }

  schoolLabel(ctx: PairingContext, side: PairingSide | 'both'): string {
    if (side === 'both') return 'Both schools';
    return ctx.names.get(ctx.pairing[side].schoolId) ?? side;
  }

  /**
   * A series booked mid-year starts today (at the mentee's school, whose clock the sessions keep),
   * never before: sessions in the past would read as held when nobody was there. Today's own slot
   * is dropped later if it has already begun.
   */
  private firstBookableDate(programmeStart: Temporal.PlainDate, timeZone: string): Temporal.PlainDate {
    const today = this.deps.clock.now().toZonedDateTimeISO(timeZone).toPlainDate();
    return Temporal.PlainDate.compare(programmeStart, today) >= 0 ? programmeStart : today;
  }
}
