import type { NewTarget, PairingStudent, PairingTargets, SessionNotesResponse, TargetsOverviewResponse, TargetView } from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { mayReadSessionNotes } from '../../domain/targets/note-readers.js';
import { dateAt } from '../../domain/targets/target-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { PairingRow, PairingStudentRow, SessionNoteRow, TargetsRepository } from '../../infra/db/targets-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { inCallOrder, newTargetRow, targetView } from './target-views.js';

const schoolsOf = (p: PairingRow) => ({ mentorSchoolId: p.mentor.schoolId, menteeSchoolId: p.mentee.schoolId });

/** In full to the student's own school; first name, school and year to the partner's. */
function studentFor(staff: StaffIdentity, s: PairingStudentRow): PairingStudent {
  const base = { firstName: s.firstName, yearGroup: s.yearGroup, schoolName: s.schoolName };
  return staff.schoolId === s.schoolId ? { ...base, id: s.id, lastName: s.lastName } : base;
}

/**
 * The staff side of targets: both coordinators of a pairing see its targets, reviews and the mentor's notes;
 * the mentee's school seeds targets (from teacher feedback, say).
 */
export class StaffTargets {
  constructor(private readonly deps: { targets: TargetsRepository; clock: Clock }) {}

  async overview(staff: StaffIdentity): Promise<TargetsOverviewResponse> {
    if (!staff.schoolId || !can(staff, 'targets:read', [staff.schoolId])) throw new AppError('forbidden', 'Your account cannot see targets.');
    const pairings = await this.deps.targets.pairingsOfSchool(staff.schoolId);
    return { today: this.today(staff.schoolTimeZone ?? 'Europe/London'), pairings: await this.describe(staff, pairings) };
  }

  async pairingTargets(staff: StaffIdentity, pairingId: string): Promise<PairingTargets> {
    const pairing = await this.readable(staff, pairingId);
    return (await this.describe(staff, [pairing]))[0]!;
  }

  async seed(staff: StaffIdentity, pairingId: string, input: NewTarget): Promise<{ target: TargetView }> {
    const pairing = await this.readable(staff, pairingId);
    if (!can(staff, 'targets:seed', [pairing.mentee.schoolId])) {
      throw new AppError('forbidden', "Targets are seeded by the mentee's school.");
    }
    const day = this.today(pairing.mentee.schoolTimeZone);
    if (input.reviewOn < day) throw AppError.badRequest('The review date has to be today or later.', { field: 'reviewOn' });
    const row = await this.deps.targets.addTarget(newTargetRow(input, pairingId, { origin: 'school', seededBy: staff.staffId, at: this.deps.clock.now() }));
    return { target: targetView(row, [], { day, mentorId: pairing.mentor.id, timeZone: pairing.mentee.schoolTimeZone }) };
  }

  /** Notes of the asker's school's pairings that they may read (see note-readers.ts). */
  async sessionNotes(staff: StaffIdentity): Promise<SessionNotesResponse> {
    if (!staff.schoolId || !can(staff, 'session-notes:read', [staff.schoolId])) throw new AppError('forbidden', 'Your account cannot read session notes.');
    const pairings = (await this.deps.targets.pairingsOfSchool(staff.schoolId)).filter((p) => mayReadSessionNotes(staff, schoolsOf(p)));
    const byId = new Map(pairings.map((p) => [p.id, p]));
    const notes = await this.deps.targets.notesOf([...byId.keys()]);
    return {
      notes: notes.map((n) => {
        const p = byId.get(n.pairingId)!;
        return { ...noteView(n), pairingId: p.id, mentor: studentFor(staff, p.mentor), mentee: studentFor(staff, p.mentee) };
      }),
    };
  }

  private async readable(staff: StaffIdentity, pairingId: string): Promise<PairingRow> {
    const pairing = await this.deps.targets.pairing(pairingId);
    if (!pairing) throw AppError.notFound('No such pairing.');
    if (!can(staff, 'targets:read', [pairing.mentor.schoolId, pairing.mentee.schoolId])) {
      throw new AppError('forbidden', "Only the pairing's coordinators see its targets.");
    }
    return pairing;
  }

  private async describe(staff: StaffIdentity, pairings: readonly PairingRow[]): Promise<PairingTargets[]> {
    const ids = pairings.map((p) => p.id);
    const [targets, notes] = await Promise.all([this.deps.targets.targetsOf(ids), this.deps.targets.notesOf(ids)]);
    const reviews = await this.deps.targets.reviewsOf(targets.map((t) => t.id));
    return pairings.map((p) => {
      const ctx = { day: this.today(p.mentee.schoolTimeZone), mentorId: p.mentor.id, timeZone: p.mentee.schoolTimeZone };
      const own = targets.filter((t) => t.pairingId === p.id);
      return {
        pairingId: p.id,
        mentor: studentFor(staff, p.mentor),
        mentee: studentFor(staff, p.mentee),
        canSeed: can(staff, 'targets:seed', [p.mentee.schoolId]),
        targets: inCallOrder(own, ctx.day, (t) => targetView(t, reviews, ctx)),
        notes: mayReadSessionNotes(staff, schoolsOf(p)) ? notes.filter((n) => n.pairingId === p.id).map(noteView) : [],
      };
    });
  }

  private today(timeZone: string): string {
    return dateAt(this.deps.clock.now(), timeZone);
  }
}

function noteView(n: SessionNoteRow) {
  return {
    id: n.id,
    sessionId: n.occurrenceId,
    sessionStartsAt: n.sessionStartsAt.toISOString(),
    text: n.text,
    flaggedKeywords: n.flaggedKeywords,
    at: n.createdAt.toISOString(),
  };
}
