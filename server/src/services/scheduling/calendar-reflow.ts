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
import { formatAtSchool, impactOfCalendarChange } from '../../domain/scheduling/index.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { CalendarChangeRepos, CalendarChangeUnit } from '../../infra/db/calendar-change-unit.js';
import type { PartnershipRepository } from '../../infra/db/partnership-repository.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { schoolOf } from '../staff/staff-school.js';
import { PairingContexts } from './pairing-context.js';
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
 * session that is no longer a valid slot for its pair is cancelled, a same-week replacement
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
      await repos.calendars.save(schoolId, body, staff.staffId, now, audit);
      return this.reflow(repos, staff, await repos.scheduling.futureSeriesOccurrences(schoolId, now), {});
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
      await repos.calendars.saveProgramme(partnershipId, body, audit);
      return this.reflow(repos, staff, await repos.scheduling.futurePartnershipOccurrences(partnershipId, now), {});
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
      const id = await repos.calendars.addClosure(schoolId, body, staff.staffId, audit);
      return { closureId: id, cancelled: await this.reflow(repos, staff, await repos.scheduling.futureSeriesOccurrences(schoolId, now), { closureId: id }) };
    });
    return dryRun ? { dryRun, closureId: null, cancelled: withoutChangeIds(cancelled) } : { dryRun, closureId, cancelled };
  }

  /**
   * The future sessions the calendars (as now written in this transaction) rule out, cancelled
   * pairing by pairing, each with a replacement proposed in its week.
   */
  async reflow(repos: CalendarChangeRepos, staff: StaffIdentity, rows: FutureOccurrence[], cause: { closureId?: string }): Promise<CancelledSession[]> {
    const now = this.deps.clock.now();
    const contexts = new PairingContexts({ ...repos, clock: this.deps.clock });
    const byPairing = new Map<string, FutureOccurrence[]>();
    for (const o of rows) byPairing.set(o.pairingId, [...(byPairing.get(o.pairingId) ?? []), o]);
    const cancelled: CancelledSession[] = [];
    for (const [pairingId, occurrences] of byPairing) {
      occurrences.sort((a, b) => a.start.getTime() - b.start.getTime());
      const ctx = await contexts.load(staff, pairingId, { skipAccessCheck: true, allowEndedProgramme: true });
      const zone = ctx.menteeSchool.timeZone;
      const impacts = impactOfCalendarChange({
        ...ctx.search,
        occurrences: occurrences.map((o) => ({ date: instant(o.start).toZonedDateTimeISO(zone).toPlainDate(), start: instant(o.start), end: instant(o.end) })),
        today: now.toZonedDateTimeISO(zone).toPlainDate(),
        now,
        programme: ctx.programme,
        bookings: await contexts.bookingsFor(ctx),
      });
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
        cancelled.push({ ...session, reason, proposal: proposalWhen, changeId });
      }
    }
    return cancelled;
  }
}

/** A dry run's changes were rolled back: their ids name nothing. */
function withoutChangeIds(cancelled: CancelledSession[]): CancelledSession[] {
  return cancelled.map((c) => ({ ...c, changeId: null }));
}
