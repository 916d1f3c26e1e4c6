import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../domain/time/clock.js';
import {
  checkSeriesConflicts,
  findSlots,
  formatAtSchool,
  impactOfClosure,
  type Candidate,
} from '../../domain/scheduling/index.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { AppError } from '../../errors.js';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';
import type { ScheduleChangeNames } from '../../infra/db/schedule-change-names.js';
import type { SchedulingRepository } from '../../infra/db/scheduling-repository.js';
import { PairingContexts, type PairingContext, type PairingSide } from './pairing-context.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { BookedReplacement, ClosureBody, ScheduleChange, SeriesCreatedResponse, SlotCandidate } from '@peerbridge/shared';
import { schoolOf } from '../staff/staff-school.js';

const candidateId = (c: Pick<Candidate, 'weekday' | 'localStart'>) =>
  `${c.weekday}@${c.localStart.toString({ smallestUnit: 'minute' })}`;
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** Slot finding, series creation and closure handling for coordinators, over stored calendars. */
export class SchedulingService {
  constructor(
    private readonly deps: {
      calendars: Pick<CalendarRepository, 'load' | 'addClosure' | 'availabilityOf' | 'programmeOf'>;
      scheduling: SchedulingRepository;
      changeNames: Pick<ScheduleChangeNames, 'of'>;
      clock: Clock;
      audit: Pick<StaffAuditTrail, 'recording'>;
    },
  ) {
    this.contexts = new PairingContexts(deps);
  }

  private readonly contexts: PairingContexts;

  async candidates(staff: StaffIdentity, pairingId: string): Promise<SlotCandidate[]> {
    const ctx = await this.contexts.load(staff, pairingId);
    const bookings = await this.contexts.bookingsFor(ctx);
    const found = findSlots({ ...ctx.search, bookings, limit: 10 }).slice(0, 10);
    return found.map((c) => this.describe(this.upcoming(c), ctx));
  }

  async createSeries(staff: StaffIdentity, pairingId: string, wanted: string): Promise<SeriesCreatedResponse> {
    const ctx = await this.contexts.load(staff, pairingId);
    if (ctx.pairing.endedAt) {
      throw new AppError('conflict', `${ctx.pairing.mentor.firstName} and ${ctx.pairing.mentee.firstName} are no longer paired, so no sessions can be booked for them.`);
    }
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
    const bookings = await this.contexts.bookingsFor(ctx);
    const participant = (side: PairingSide) => this.contexts.participant(ctx, side);
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
        ...this.contexts.pairRefs(ctx),
        when: described.label,
        sessions: pattern.sessions.length,
      })),
    );
    const refs = this.contexts.pairRefs(ctx);
    return {
      seriesId,
      ...described,
      mentor: { firstName: refs.mentor.firstName, school: refs.mentor.schoolName },
      mentee: { firstName: refs.mentee.firstName, school: refs.mentee.schoolName },
      byName: staff.fullName,
    };
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
      const ctx = await this.contexts.load(staff, pairingId, { skipAccessCheck: true });
      const bookings = await this.contexts.bookingsFor(ctx);
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
        const reason = `${this.contexts.schoolLabel(ctx, impact.cancelledBecause.school)}: ${impact.cancelledBecause.detail ?? impact.cancelledBecause.reason}`;
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
          this.deps.audit.recording(staff, () => ({ kind: 'SessionCancelled', occurrenceId: stored.id, ...this.contexts.pairRefs(ctx), reason })),
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
    const ctx = await this.contexts.load(staff, cancelled.pairingId);
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
    const participant = (side: PairingSide) => this.contexts.participant(ctx, side);
    const conflicts = checkSeriesConflicts({
      occurrences: [{ date: start.toZonedDateTimeISO(ctx.menteeSchool.timeZone).toPlainDate(), start, end }],
      mentor: participant('mentor'),
      mentee: participant('mentee'),
      bookings: await this.contexts.bookingsFor(ctx),
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
        ...this.contexts.pairRefs(ctx),
        when,
      })),
    );
    return { occurrenceId, when };
  }

  /** The timetable changes of every partnership the school is in, newest first: both coordinators see the same log. */
  async changesFor(schoolId: string): Promise<ScheduleChange[]> {
    const rows = await this.deps.scheduling.changesFor(schoolId);
    const names = await this.deps.changeNames.of(rows);
    return rows.map((r, i) => ({
      ...names[i]!,
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

  private describe(c: Candidate, ctx: PairingContext): SlotCandidate {
    const schoolName = (side: 'mentor' | 'mentee' | 'both') => this.contexts.schoolLabel(ctx, side);
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
