import { Temporal } from 'temporal-polyfill';
import { can } from '../../domain/access/policy.js';
import type { Clock } from '../../domain/time/clock.js';
import {
  checkSeriesConflicts,
  findSlots,
  formatAtSchool,
  impactOfClosure,
  type Candidate,
  type SchoolCalendar,
} from '../../domain/scheduling/index.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { AppError } from '../../errors.js';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';
import type { PairingRecord, SchedulingRepository } from '../../infra/db/scheduling-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { BookedReplacement, ClosureBody, ScheduleChange, SlotCandidate } from '@peerbridge/shared';
import { schoolOf } from '../staff/staff-school.js';

const candidateId = (c: Pick<Candidate, 'weekday' | 'localStart'>) =>
  `${c.weekday}@${c.localStart.toString({ smallestUnit: 'minute' })}`;
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

interface PairingContext {
  pairing: PairingRecord;
  mentorSchool: SchoolCalendar;
  menteeSchool: SchoolCalendar;
  names: Map<string, string>;
  search: Omit<Parameters<typeof findSlots>[0], 'bookings'>;
}

/** Slot finding, series creation and closure handling for coordinators, over stored calendars. */
export class SchedulingService {
  constructor(
    private readonly deps: {
      calendars: Pick<CalendarRepository, 'load' | 'addClosure' | 'availabilityOf' | 'programmeOf'>;
      scheduling: SchedulingRepository;
      clock: Clock;
      audit: Pick<StaffAuditTrail, 'recording'>;
    },
  ) {}

  async candidates(staff: StaffIdentity, pairingId: string): Promise<SlotCandidate[]> {
    const ctx = await this.context(staff, pairingId);
    const bookings = await this.bookingsFor(ctx);
    const found = findSlots({ ...ctx.search, bookings, limit: 10 }).slice(0, 10);
    return found.map((c) => this.describe(this.upcoming(c), ctx));
  }

  async createSeries(staff: StaffIdentity, pairingId: string, wanted: string): Promise<SlotCandidate & { seriesId: string }> {
    const ctx = await this.context(staff, pairingId);
    // The programme is weekly: one series per pairing.
    const existing = await this.deps.scheduling.existingSeries(pairingId);
    if (existing) {
      const when = `${WEEKDAY_NAMES[Number(existing.weekday)]}s at ${String(existing.localStart)}`;
      throw new AppError('conflict', `${ctx.pairing.mentor.firstName} and ${ctx.pairing.mentee.firstName} already meet every week (${when}).`);
    }
    // The weekly pattern from the calendars alone; bookings are then checked as conflicts, with reasons.
    const found = findSlots({ ...ctx.search, bookings: [] }).find((c) => candidateId(c) === wanted);
    const pattern = found && this.upcoming(found);
    if (!pattern) {
      throw new AppError('conflict', `${ctx.pairing.mentor.firstName} and ${ctx.pairing.mentee.firstName} are not both free then. Pick one of the suggested times.`);
    }
    const bookings = await this.bookingsFor(ctx);
    const participant = (side: 'mentor' | 'mentee') => ({
      studentId: ctx.pairing[side].id,
      firstName: ctx.pairing[side].firstName,
      school: side === 'mentor' ? ctx.mentorSchool : ctx.menteeSchool,
      schoolName: ctx.names.get(ctx.pairing[side].schoolId) ?? '',
    });
    const programme = await this.deps.calendars.programmeOf(ctx.pairing.partnershipId);
    const conflicts = checkSeriesConflicts({
      occurrences: pattern.sessions,
      mentor: participant('mentor'),
      mentee: participant('mentee'),
      bookings,
      caseload: {
        currentMenteeIds: await this.deps.scheduling.caseload(ctx.pairing.mentor.id, ctx.pairing.partnershipId),
        limit: programme?.caseloadLimit ?? 3,
      },
    });
    if (conflicts.length > 0) {
      throw new AppError('conflict', conflicts[0]!.message, { conflicts: conflicts.map((c) => ({ code: c.code, message: c.message })) });
    }
    const described = this.describe(pattern, ctx);
    const seriesId = await this.deps.scheduling.createSeries(
      {
        pairing: ctx.pairing,
        pattern: { weekday: pattern.weekday, localStart: pattern.localStart.toString({ smallestUnit: 'minute' }), anchorSchoolId: pattern.anchor.schoolId },
        occurrences: pattern.sessions,
        by: staff.staffId,
        at: this.deps.clock.now(),
      },
      this.deps.audit.recording(staff, (id: string) => ({
        kind: 'SeriesBooked',
        seriesId: id,
        pairingId: ctx.pairing.id,
        ...this.pairRefs(ctx),
        when: described.label,
        sessions: pattern.sessions.length,
      })),
    );
    return { seriesId, ...described };
  }

  /**
   * A new closure cancels the series sessions it covers at either school;
   * each cancellation proposes a same-week replacement for a coordinator to accept.
   */
  async addClosure(staff: StaffIdentity, body: ClosureBody) {
    const schoolId = schoolOf(staff);
    await this.deps.calendars.addClosure(
      schoolId,
      body,
      staff.staffId,
      this.deps.audit.recording(staff, (closureId: string) => ({
        kind: 'ClosureAdded',
        closureId,
        date: body.date,
        from: body.from ?? null,
        to: body.to ?? null,
        reason: body.reason,
      })),
    );
    const now = this.deps.clock.now();
    const affected = await this.deps.scheduling.futureSeriesOccurrences(schoolId, now);
    const byPairing = new Map<string, typeof affected>();
    for (const o of affected) byPairing.set(o.pairingId, [...(byPairing.get(o.pairingId) ?? []), o]);
    const changes: { occurrenceId: string; reason: string; proposal: string | null }[] = [];
    for (const [pairingId, occurrences] of byPairing) {
      const ctx = await this.context(staff, pairingId, { skipAccessCheck: true });
      const bookings = await this.bookingsFor(ctx);
      const impacts = impactOfClosure({
        ...ctx.search,
        occurrences: occurrences.map((o) => ({
          date: Temporal.Instant.fromEpochMilliseconds(o.start.getTime()).toZonedDateTimeISO(ctx.menteeSchool.timeZone).toPlainDate(),
          start: Temporal.Instant.fromEpochMilliseconds(o.start.getTime()),
          end: Temporal.Instant.fromEpochMilliseconds(o.end.getTime()),
        })),
        today: now.toZonedDateTimeISO(ctx.menteeSchool.timeZone).toPlainDate(),
        bookings,
      });
      for (const impact of impacts) {
        const stored = occurrences.find((o) => o.start.getTime() === impact.occurrence.start.epochMilliseconds)!;
        const reason = `${this.schoolLabel(ctx, impact.cancelledBecause.school)}: ${impact.cancelledBecause.detail ?? impact.cancelledBecause.reason}`;
        const proposal = impact.replacement
          ? { start: impact.replacement.start.toString(), end: impact.replacement.end.toString() }
          : null;
        await this.deps.scheduling.cancelWithChange(
          {
            occurrenceId: stored.id,
            partnershipId: ctx.pairing.partnershipId,
            reason,
            proposal: proposal ?? { none: impact.noReplacement?.message ?? null },
            by: staff.staffId,
            at: now,
          },
          this.deps.audit.recording(staff, () => ({ kind: 'SessionCancelled', occurrenceId: stored.id, ...this.pairRefs(ctx), reason })),
        );
        changes.push({
          occurrenceId: stored.id,
          reason,
          proposal: impact.replacement ? formatAtSchool(impact.replacement.start, ctx.menteeSchool.timeZone) : null,
        });
      }
    }
    return { cancelled: changes };
  }

  /** A coordinator accepts the replacement proposed when a closure cancelled a session. */
  async acceptReplacement(staff: StaffIdentity, changeId: number): Promise<BookedReplacement> {
    const change = await this.deps.scheduling.change(changeId);
    if (!change || change.kind !== 'occurrence_cancelled' || !change.occurrenceId) {
      throw AppError.notFound('No such cancelled session.');
    }
    const cancelled = await this.deps.scheduling.occurrence(change.occurrenceId);
    if (!cancelled) throw AppError.notFound('No such cancelled session.');
    const ctx = await this.context(staff, cancelled.pairingId);
    const proposal = change.detail.proposedReplacement as { start?: string; end?: string } | null;
    if (!proposal?.start || !proposal.end) {
      throw new AppError('conflict', 'No replacement was found for that session in the same week.');
    }
    if (await this.deps.scheduling.replacementBooked(cancelled.id)) {
      throw new AppError('conflict', 'The replacement for that session is already booked.');
    }
    const start = Temporal.Instant.from(proposal.start);
    const end = Temporal.Instant.from(proposal.end);
    // Things may have moved since it was proposed: check again, as for a new series.
    const participant = (side: 'mentor' | 'mentee') => ({
      studentId: ctx.pairing[side].id,
      firstName: ctx.pairing[side].firstName,
      school: side === 'mentor' ? ctx.mentorSchool : ctx.menteeSchool,
      schoolName: ctx.names.get(ctx.pairing[side].schoolId) ?? '',
    });
    const conflicts = checkSeriesConflicts({
      occurrences: [{ date: start.toZonedDateTimeISO(ctx.menteeSchool.timeZone).toPlainDate(), start, end }],
      mentor: participant('mentor'),
      mentee: participant('mentee'),
      bookings: await this.bookingsFor(ctx),
      caseload: { currentMenteeIds: [ctx.pairing.mentee.id] },
    });
    if (conflicts.length > 0) {
      throw new AppError('conflict', conflicts[0]!.message, { conflicts: conflicts.map((c) => ({ code: c.code, message: c.message })) });
    }
    const when = formatAtSchool(start, ctx.menteeSchool.timeZone);
    const occurrenceId = await this.deps.scheduling.bookReplacement(
      { cancelled, partnershipId: ctx.pairing.partnershipId, start, end, by: staff.staffId, at: this.deps.clock.now() },
      this.deps.audit.recording(staff, (id: string) => ({
        kind: 'ReplacementBooked',
        occurrenceId: id,
        replacesOccurrenceId: cancelled.id,
        ...this.pairRefs(ctx),
        when,
      })),
    );
    return { occurrenceId, when };
  }

  /** The timetable changes of every partnership the school is in, newest first: both coordinators see the same log. */
  async changesFor(schoolId: string): Promise<ScheduleChange[]> {
    const rows = await this.deps.scheduling.changesFor(schoolId);
    return rows.map((r) => ({
      id: r.id,
      partnershipId: r.partnershipId,
      at: r.at,
      byStaffId: r.byStaffId,
      kind: r.kind,
      occurrenceId: r.occurrenceId,
      detail: r.detail,
    }));
  }

  /** Only the sessions that have not begun yet: today's slot may already be over. */
  private upcoming(c: Candidate): Candidate {
    const now = this.deps.clock.now();
    return { ...c, sessions: c.sessions.filter((s) => Temporal.Instant.compare(s.start, now) > 0) };
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

  private async context(staff: StaffIdentity, pairingId: string, options: { skipAccessCheck?: boolean } = {}): Promise<PairingContext> {
    const pairing = await this.deps.scheduling.pairing(pairingId);
    if (!pairing) throw AppError.notFound('No such pairing.');
    if (!options.skipAccessCheck && !can(staff, 'schedule:manage', [pairing.mentor.schoolId, pairing.mentee.schoolId])) {
      throw new AppError('forbidden', 'Your account does not have access to that.');
    }
    const names = await this.deps.scheduling.schoolNames([pairing.mentor.schoolId, pairing.mentee.schoolId]);
    const [mentorSchool, menteeSchool, programme, availability] = await Promise.all([
      this.deps.calendars.load(pairing.mentor.schoolId),
      this.deps.calendars.load(pairing.mentee.schoolId),
      this.deps.calendars.programmeOf(pairing.partnershipId),
      this.deps.calendars.availabilityOf([pairing.mentor.id, pairing.mentee.id]),
    ]);
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
    if (Temporal.PlainDate.compare(start, end) > 0) {
      throw new AppError('conflict', `The programme ended on ${programme!.endDate}. Set new programme dates to book sessions.`);
    }
    return {
      pairing,
      mentorSchool: mentorSchool!,
      menteeSchool: menteeSchool!,
      names,
      search: {
        mentor: availability.get(pairing.mentor.id)!,
        mentee: availability.get(pairing.mentee.id)!,
        mentorSchool: mentorSchool!,
        menteeSchool: menteeSchool!,
        programme: {
          start,
          end,
          sessionMinutes: programme!.sessionMinutes,
          frequency: 'weekly',
        },
      },
    };
  }

  /** The pair as the audit trail names them: first name and school, as partner-school students always appear. */
  private pairRefs(ctx: PairingContext) {
    const ref = (side: 'mentor' | 'mentee') => ({
      id: ctx.pairing[side].id,
      firstName: ctx.pairing[side].firstName,
      schoolName: ctx.names.get(ctx.pairing[side].schoolId) ?? '',
    });
    return { mentor: ref('mentor'), mentee: ref('mentee') };
  }

  private bookingsFor(ctx: PairingContext) {
    const zone = ctx.menteeSchool.timeZone;
    const from = ctx.search.programme.start.toZonedDateTime({ timeZone: zone }).toInstant();
    const to = ctx.search.programme.end.add({ days: 1 }).toZonedDateTime({ timeZone: zone }).toInstant();
    return this.deps.scheduling.bookings([ctx.pairing.mentor.schoolId, ctx.pairing.mentee.schoolId], from, to);
  }

  private schoolLabel(ctx: PairingContext, side: 'mentor' | 'mentee' | 'both'): string {
    if (side === 'both') return 'Both schools';
    return ctx.names.get(ctx.pairing[side].schoolId) ?? side;
  }

  private describe(c: Candidate, ctx: PairingContext): SlotCandidate {
    const schoolName = (side: 'mentor' | 'mentee' | 'both') => this.schoolLabel(ctx, side);
    return {
      id: candidateId(c),
      weekday: c.weekday,
      label: `${WEEKDAY_NAMES[c.weekday]}s at ${c.localStart.toString({ smallestUnit: 'minute' })} (${schoolName('mentee')} time, ${c.menteePeriod})`,
      localStart: c.localStart.toString({ smallestUnit: 'minute' }),
      menteePeriod: c.menteePeriod,
      everyWeekSameSlot: c.everyWeekSameSlot,
      sessions: c.sessions.length,
      firstSession: c.sessions[0]?.start.toString() ?? null,
      lostDates: c.lostDates.map((l) => ({
        date: l.date.toString(),
        school: schoolName(l.school),
        reason: l.reason,
        detail: l.detail ?? null,
      })),
    };
  }
}
