import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../domain/time/clock.js';
import {
  checkSeriesConflicts,
  findSlots,
  formatAtSchool,
  lossOfSession,
  type Candidate,
} from '../../domain/scheduling/index.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { AppError } from '../../errors.js';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';
import type { ScheduleChangeNames } from '../../infra/db/schedule-change-names.js';
import type { SchedulingRepository } from '../../infra/db/scheduling-repository.js';
import { PairingContexts, type PairingContext, type PairingSide } from './pairing-context.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { BookedReplacement, ScheduleChange, SeriesCreatedResponse, SlotCandidate } from '@peerbridge/shared';
import { describeLoss } from './session-words.js';

const candidateId = (c: Pick<Candidate, 'weekday' | 'localStart'>) =>
  `${c.weekday}@${c.localStart.toString({ smallestUnit: 'minute' })}`;
const WEEKDAY_NAMES = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** Slot finding, series creation and accepting proposed replacements for coordinators, over stored calendars (re-flow: calendar-reflow.ts). */
export class SchedulingService {
  constructor(
    private readonly deps: {
      calendars: Pick<CalendarRepository, 'load' | 'availabilityOf' | 'programmeOf'>;
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

  /** A coordinator accepts the replacement proposed when a calendar change cancelled a session. */
  async acceptReplacement(staff: StaffIdentity, changeId: number): Promise<BookedReplacement> {
    const change = await this.deps.scheduling.change(changeId);
    if (!change || change.kind !== 'occurrence_cancelled' || !change.occurrenceId) {
      throw AppError.notFound('No such cancelled session.');
    }
    const cancelled = await this.deps.scheduling.occurrence(change.occurrenceId);
    if (!cancelled) throw AppError.notFound('No such cancelled session.');
    if (cancelled.status !== 'cancelled') {
      throw new AppError('conflict', 'That session is back on (the closure that cancelled it was undone): there is nothing to replace.');
    }
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
    if (Temporal.Instant.compare(start, this.deps.clock.now()) <= 0) {
      throw new AppError('conflict', 'The proposed replacement time has passed.');
    }
    // Things may have moved since it was proposed: check everything a new series is checked against.
    const participant = (side: PairingSide) => this.contexts.participant(ctx, side);
    const bookings = await this.contexts.bookingsFor(ctx);
    const conflicts = checkSeriesConflicts({
      occurrences: [{ date: start.toZonedDateTimeISO(ctx.menteeSchool.timeZone).toPlainDate(), start, end }],
      mentor: participant('mentor'),
      mentee: participant('mentee'),
      bookings,
      caseload: {
        currentMenteeIds: await this.deps.scheduling.caseload(ctx.pairing.mentor.id, ctx.pairing.partnershipId),
        limit: ctx.programme.caseloadLimit,
      },
    });
    if (conflicts.length > 0) {
      throw new AppError('conflict', conflicts[0]!.message, { conflicts: conflicts.map((c) => ({ code: c.code, message: c.message })) });
    }
    // The calendars (terms, closures, bells, the A/B cycle), both students' availability and the programme's dates.
    const loss = lossOfSession({ ...ctx.search, programme: ctx.programme, bookings, start, end });
    if (loss) {
      throw new AppError('conflict', `The proposed replacement no longer fits: ${describeLoss(ctx, loss)}.`, { reason: loss.reason });
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
