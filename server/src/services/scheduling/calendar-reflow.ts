import { Temporal } from 'temporal-polyfill';
import type {
  CalendarChangeResponse,
  CancelledSession,
  ClosureAddedResponse,
  ClosureBody,
  ProgrammeBody,
  SchoolCalendarBody,
} from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { formatAtSchool, impactOfCalendarChange, sessionsRuledOut, type ChangeImpactInput } from '../../domain/scheduling/index.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { CalendarChangeRepos, CalendarChangeUnit } from '../../infra/db/calendar-change-unit.js';
import type { PartnershipRepository } from '../../infra/db/partnership-repository.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { schoolOf } from '../staff/staff-school.js';
import { PairingContexts, type PairingContext } from './pairing-context.js';
import { describeLoss, namedSession } from './session-words.js';

type FutureOccurrence = Awaited<ReturnType<CalendarChangeRepos['scheduling']['futureSeriesOccurrences']>>[number];
const instant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());

export interface ReflowDeps {
  unit: Pick<CalendarChangeUnit, 'run'>;
  partnerships: Pick<PartnershipRepository, 'findById'>;
  clock: Clock;
  audit: Pick<StaffAuditTrail, 'recording'>;
}

/**
 * Every calendar change (bell times, the A/B cycle, terms and half terms, closures, programme
 * dates) re-flows the future series sessions it touches, exactly as a closure always has: a
 * session the change makes no longer a valid slot for its pair is cancelled, a same-week replacement
 * inside the programme is proposed, and the change log and audit trail name who did it. The
 * change and its re-flow are one transaction; a dry run does both and rolls back.
 */
export class CalendarReflow {
  constructor(private readonly deps: ReflowDeps) {}

  async saveCalendar(staff: StaffIdentity, body: SchoolCalendarBody, dryRun: boolean): Promise<CalendarChangeResponse> {
    const schoolId = schoolOf(staff);
    const now = this.deps.clock.now();
    const cancelled = await this.deps.unit.run(dryRun, async (repos) => {
      const audit = this.deps.audit.recording(staff, () => ({ kind: 'CalendarSaved', timeZone: body.timeZone, terms: body.terms.length }));
      const rows = await repos.scheduling.futureSeriesOccurrences(schoolId, now);
      const before = await this.ruledOut(repos, staff, rows);
      await repos.calendars.save(schoolId, body, staff.staffId, now, audit);
      return this.reflow(repos, staff, rows, { before });
    });
    return { dryRun, cancelled: dryRun ? withoutChangeIds(cancelled) : cancelled };
  }

  async saveProgramme(staff: StaffIdentity, partnershipId: string, body: ProgrammeBody, dryRun: boolean): Promise<CalendarChangeResponse> {
    const partnership = await this.deps.partnerships.findById(partnershipId);
    if (!partnership) throw AppError.notFound('No such partnership.');
    if (!can(staff, 'schedule:manage', partnership.schoolIds)) throw new AppError('forbidden', 'Your account does not have access to that.');
    const now = this.deps.clock.now();
    const cancelled = await this.deps.unit.run(dryRun, async (repos) => {
      const audit = this.deps.audit.recording(staff, () => ({ kind: 'ProgrammeSaved', partnershipId, start: body.start, end: body.end }));
      const rows = await repos.scheduling.futurePartnershipOccurrences(partnershipId, now);
      const before = await this.ruledOut(repos, staff, rows);
      await repos.calendars.saveProgramme(partnershipId, body, audit);
      return this.reflow(repos, staff, rows, { before });
    });
    return { dryRun, cancelled: dryRun ? withoutChangeIds(cancelled) : cancelled };
  }

  async addClosure(staff: StaffIdentity, body: ClosureBody, dryRun: boolean): Promise<ClosureAddedResponse> {
    const schoolId = schoolOf(staff);
    const now = this.deps.clock.now();
    const { closureId, cancelled } = await this.deps.unit.run(dryRun, async (repos) => {
      const audit = this.deps.audit.recording(staff, (id: string) => ({
        kind: 'ClosureAdded',
        closureId: id,
        date: body.date,
        from: body.from ?? null,
        to: body.to ?? null,
        reason: body.reason,
      }));
      const rows = await repos.scheduling.futureSeriesOccurrences(schoolId, now);
      const before = await this.ruledOut(repos, staff, rows);
      const id = await repos.calendars.addClosure(schoolId, body, staff.staffId, audit);
      return { closureId: id, cancelled: await this.reflow(repos, staff, rows, { before, closureId: id }) };
    });
    return dryRun ? { dryRun, closureId: null, cancelled: withoutChangeIds(cancelled) } : { dryRun, closureId, cancelled };
  }

  /**
   * The ids of the sessions the calendars already rule out before the change: the change
   * cancels only what it breaks, so a session left as it was (a one-off agreed by both
   * coordinators) is never cancelled as a side effect of someone else's unrelated change.
   */
  private async ruledOut(repos: CalendarChangeRepos, staff: StaffIdentity, rows: FutureOccurrence[]): Promise<Set<string>> {
    const ids = new Set<string>();
    await this.eachPairing(repos, staff, rows, (ctx, occurrences, input) => {
      const lost = new Set(sessionsRuledOut(input).map((o) => o.start.epochMilliseconds));
      for (const o of occurrences) if (lost.has(o.start.getTime())) ids.add(o.id);
      return Promise.resolve();
    });
    return ids;
  }

  /**
   * The future sessions the calendars (as now written in this transaction) rule out and did
   * not before, cancelled pairing by pairing, each with a replacement proposed in its week.
   */
  private async reflow(
    repos: CalendarChangeRepos,
    staff: StaffIdentity,
    rows: FutureOccurrence[],
    cause: { before: Set<string>; closureId?: string },
  ): Promise<CancelledSession[]> {
    const now = this.deps.clock.now();
    const contexts = new PairingContexts({ ...repos, clock: this.deps.clock });
    const cancelled: CancelledSession[] = [];
    const fresh = rows.filter((o) => !cause.before.has(o.id));
    await this.eachPairing(repos, staff, fresh, async (ctx, occurrences, input) => {
      const zone = ctx.menteeSchool.timeZone;
      const impacts = impactOfCalendarChange({ ...input, now, bookings: await contexts.bookingsFor(ctx) });
      for (const impact of impacts) {
        const stored = occurrences.find((o) => o.start.getTime() === impact.occurrence.start.epochMilliseconds)!;
        const reason = describeLoss(ctx, impact.cancelledBecause);
        const session = namedSession(ctx, stored.id, impact.occurrence.start);
        const proposalWhen = impact.replacement ? formatAtSchool(impact.replacement.start, zone) : null;
        const changeId = await repos.scheduling.cancelWithChange(
          {
            occurrenceId: stored.id,
            partnershipId: ctx.pairing.partnershipId,
            reason,
            proposal: impact.replacement
              ? { start: impact.replacement.start.toString(), end: impact.replacement.end.toString() }
              : { none: impact.noReplacement?.message ?? null },
            named: { session, proposalWhen, ...(cause.closureId ? { closureId: cause.closureId } : {}) },
            by: staff.staffId,
            at: now,
          },
          this.deps.audit.recording(staff, () => ({ kind: 'SessionCancelled', occurrenceId: stored.id, ...contexts.pairRefs(ctx), reason })),
        );
        if (changeId !== null) cancelled.push({ ...session, reason, proposal: proposalWhen, changeId });
      }
    });
    return cancelled;
  }

  /** Each pairing's future sessions, in order, with its context and the re-flow input for them. */
  private async eachPairing(
    repos: CalendarChangeRepos,
    staff: StaffIdentity,
    rows: FutureOccurrence[],
    visit: (ctx: PairingContext, occurrences: FutureOccurrence[], input: Omit<ChangeImpactInput, 'bookings'>) => Promise<void>,
  ): Promise<void> {
    const now = this.deps.clock.now();
    const contexts = new PairingContexts({ ...repos, clock: this.deps.clock });
    const byPairing = new Map<string, FutureOccurrence[]>();
    for (const o of rows) byPairing.set(o.pairingId, [...(byPairing.get(o.pairingId) ?? []), o]);
    for (const [pairingId, occurrences] of byPairing) {
      occurrences.sort((a, b) => a.start.getTime() - b.start.getTime());
      const options = { skipAccessCheck: true, allowEndedProgramme: true, unknownAvailabilityIsFree: true };
      const ctx = await contexts.load(staff, pairingId, options).catch((error: unknown) => {
        // A pair that cannot be timetabled at all (a school with no calendar, a programme with no
        // dates) has nothing to check its sessions against; they stay as booked rather than block
        // the school's change. Unknown free periods count as free, so closures still cancel.
        if (error instanceof AppError && error.code === 'conflict') return null;
        throw error;
      });
      if (!ctx) continue;
      const zone = ctx.menteeSchool.timeZone;
      await visit(ctx, occurrences, {
        ...ctx.search,
        occurrences: occurrences.map((o) => ({ date: instant(o.start).toZonedDateTimeISO(zone).toPlainDate(), start: instant(o.start), end: instant(o.end) })),
        today: now.toZonedDateTimeISO(zone).toPlainDate(),
        programme: ctx.programme,
      });
    }
  }
}

/** A dry run's changes were rolled back: their ids name nothing. */
function withoutChangeIds(cancelled: CancelledSession[]): CancelledSession[] {
  return cancelled.map((c) => ({ ...c, changeId: null }));
}
