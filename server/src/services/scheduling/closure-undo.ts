import { Temporal } from 'temporal-polyfill';
import type { ClosureRemovedResponse, RestoredSession, StillCancelledSession } from '@peerbridge/shared';
import { lossOfSession } from '../../domain/scheduling/index.js';
import { AppError } from '../../errors.js';
import type { CalendarChangeRepos } from '../../infra/db/calendar-change-unit.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { schoolOf } from '../staff/staff-school.js';
import type { ReflowDeps } from './calendar-reflow.js';
import { PairingContexts } from './pairing-context.js';
import { cancelledFromChange, describeLoss, namedSession } from './session-words.js';

const instant = (d: Date) => Temporal.Instant.fromEpochMilliseconds(d.getTime());

/**
 * Undoing a closure of the asker's own school. Each session the closure cancelled is restored
 * (scheduled again at its own time, the change recorded) when that time has not passed, no
 * replacement for it was booked, and it still passes every rule a new series must: both schools
 * open (another closure or a holiday may cover it now), both students free in that period of
 * their cycle week, inside the programme, neither student booked, an iPad free at each end.
 * Otherwise it stays cancelled and the answer says why. A dry run does it all and rolls back.
 */
export class ClosureUndo {
  constructor(private readonly deps: Pick<ReflowDeps, 'unit' | 'clock' | 'audit'>) {}

  async removeClosure(staff: StaffIdentity, closureId: string, dryRun: boolean): Promise<ClosureRemovedResponse> {
    const schoolId = schoolOf(staff);
    const outcome = await this.deps.unit.run(dryRun, async (repos) => {
      const closure = await repos.calendars.closure(closureId);
      // Another school's closure is answered as missing: its id says nothing about it.
      if (!closure || closure.schoolId !== schoolId) throw AppError.notFound('No such closure at your school.');
      const changes = await repos.scheduling.cancelledByClosures([closureId]);
      await repos.calendars.removeClosure(
        closureId,
        this.deps.audit.recording(staff, () => ({
          kind: 'ClosureRemoved',
          closureId,
          date: closure.date,
          from: closure.fromTime,
          to: closure.toTime,
          reason: closure.reason,
        })),
      );
      const restored: RestoredSession[] = [];
      const stillCancelled: StillCancelledSession[] = [];
      for (const change of changes) {
        const session = cancelledFromChange(change);
        if (!session) continue;
        const why = await this.restoreOrWhyNot(repos, staff, session.occurrenceId);
        if (why === null) {
          const { reason: _reason, proposal: _proposal, changeId: _changeId, ...named } = session;
          restored.push(named);
        } else if (why !== undefined) {
          stillCancelled.push({ ...session, notRestoredBecause: why });
        }
      }
      return { restored, stillCancelled };
    });
    // The changes named here are the closure's own earlier cancellations: they exist, dry run or not.
    return { dryRun, ...outcome };
  }

  /** Null when restored; why not, in words; undefined when it is no longer cancelled at all (nothing to say). */
  private async restoreOrWhyNot(repos: CalendarChangeRepos, staff: StaffIdentity, occurrenceId: string): Promise<string | null | undefined> {
    const occurrence = await repos.scheduling.occurrence(occurrenceId);
    if (!occurrence || occurrence.status !== 'cancelled') return undefined;
    if (await repos.scheduling.replacementBooked(occurrence.id)) return 'A replacement session was booked instead.';
    const now = this.deps.clock.now();
    const [start, end] = [instant(occurrence.startsAt), instant(occurrence.endsAt)];
    if (Temporal.Instant.compare(start, now) <= 0) return 'Its time has passed.';
    const contexts = new PairingContexts({ ...repos, clock: this.deps.clock });
    // Unknown free periods count as free (the session was booked once); a pair that cannot be
    // checked at all stays cancelled with the reason, rather than fail the whole undo.
    const loaded = await contexts
      .load(staff, occurrence.pairingId, { skipAccessCheck: true, allowEndedProgramme: true, unknownAvailabilityIsFree: true })
      .catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'conflict') return error.message;
        throw error;
      });
    if (typeof loaded === 'string') return loaded;
    const ctx = loaded;
    const loss = lossOfSession({ ...ctx.search, programme: ctx.programme, bookings: await contexts.bookingsFor(ctx), start, end });
    if (loss) return `${describeLoss(ctx, loss)}.`;
    const { when } = namedSession(ctx, occurrenceId, start);
    await repos.scheduling.restoreWithChange(
      { occurrenceId, partnershipId: ctx.pairing.partnershipId, detail: { reason: 'closure undone', when }, by: staff.staffId, at: now },
      this.deps.audit.recording(staff, () => ({ kind: 'SessionRestored', occurrenceId, ...contexts.pairRefs(ctx), when })),
    );
    return null;
  }
}
