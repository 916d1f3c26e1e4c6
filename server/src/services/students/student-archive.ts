import type { LifecycleResult } from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { LifecycleWrite, SeriesLifecycleRepository } from '../../infra/db/series-lifecycle-repository.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { auditRefs, sessionsWords } from '../scheduling/lifecycle-words.js';
import type { SeriesLifecycle } from '../scheduling/series-lifecycle.js';
import type { StaffIdentity } from '../staff/staff-auth.js';

/**
 * A student who leaves is archived by their own school's coordinator: each of their pairings
 * ends as an unpairing does (sessions still to come cancelled, both schools told), they are
 * left out of suggestions and lists, they cannot sign in, and every record of them stays.
 */
export class StudentArchive {
  constructor(
    private readonly deps: {
      lifecycle: SeriesLifecycleRepository;
      series: Pick<SeriesLifecycle, 'namedPair' | 'endingOf'>;
      clock: Clock;
      audit: Pick<StaffAuditTrail, 'recording'>;
    },
  ) {}

  async archive(staff: StaffIdentity, studentId: string, reason: string | undefined): Promise<LifecycleResult> {
    const student = await this.deps.lifecycle.student(studentId);
    if (!student) throw AppError.notFound('No such student.');
    if (!can(staff, 'students:manage', [student.schoolId])) throw new AppError('forbidden', 'Your account does not have access to that.');
    const name = `${student.firstName} ${student.lastName}`;
    if (student.archivedAt) throw new AppError('conflict', `${name} is already archived.`);

    const current = await this.deps.lifecycle.currentPairingsOf(studentId);
    const pairs = await Promise.all(current.map((p) => this.deps.series.namedPair(p.id)));
    const schoolName = pairs[0] ? (pairs[0].mentor.id === studentId ? pairs[0].mentor.schoolName : pairs[0].mentee.schoolName) : '';
    const endReason = `${student.firstName} has left${schoolName ? ` ${schoolName}` : ''}${reason ? `: ${reason}` : ''}`;
    const endings = await Promise.all(pairs.map((pair) => this.deps.series.endingOf(pair, endReason, staff)));

    const write: LifecycleWrite = {
      at: this.deps.clock.now(),
      by: staff.staffId,
      cancel: { ids: endings.flatMap((e) => e.write.cancel.ids), reason: `Unpaired: ${endReason}` },
      endSeriesIds: endings.flatMap((e) => e.write.endSeriesIds ?? []),
      endPairings: { ids: pairs.map((p) => p.pairingId), reason: endReason },
      archive: { studentId, reason: reason ?? null },
      changes: endings.flatMap((e) => e.write.changes),
      notices: endings.flatMap((e) => e.write.notices),
    };
    const cancelled = endings.reduce((n, e) => n + e.cancelled, 0);
    await this.deps.lifecycle.apply(
      write,
      this.deps.audit.recording(staff, () => [
        { kind: 'StudentArchived' as const, student: { id: studentId, name: `${student.firstName} ${student.lastName.slice(0, 1)}` }, reason: reason ?? null, pairingsEnded: pairs.length },
        ...pairs.map((pair, i) => ({ kind: 'PairingEnded' as const, pairingId: pair.pairingId, ...auditRefs(pair), reason: endReason, cancelled: endings[i]!.cancelled })),
      ]),
    );
    const ended = pairs.length === 0 ? 'They had no pairings.' : `${pairs.length === 1 ? '1 pairing' : `${pairs.length} pairings`} ended, ${sessionsWords(cancelled)} cancelled; the partner school's coordinators have been told.`;
    return { message: `Archived ${name}. ${ended} They can no longer sign in; their records are kept.`, cancelled, bookedSessionId: null };
  }
}
