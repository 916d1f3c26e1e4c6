import type { ExitPairing, ExitPerson, ExitQuestionnaireForm, PairingExitState, StartExitBody, StartExitResponse } from '@peerbridge/shared';
import { Temporal } from 'temporal-polyfill';
import { can } from '../../domain/access/policy.js';
import { exitEndReason, exitKindOf, windDownPlan } from '../../domain/exits/exit-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { ExitRow, ExitsRepository } from '../../infra/db/exits-repository.js';
import type { ProgrammeSettingsRepository } from '../../infra/db/programme-settings-repository.js';
import type { SeriesLifecycleRepository } from '../../infra/db/series-lifecycle-repository.js';
import type { StaffRepository } from '../../infra/db/staff-repository.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { auditRefs, dateWords, noticesFor, pairWords, sessionsWords, sessionWords } from '../scheduling/lifecycle-words.js';
import type { SeriesLifecycle } from '../scheduling/series-lifecycle.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { schoolOf } from '../staff/staff-school.js';

export interface PairingExitsDeps {
  exits: ExitsRepository;
  lifecycle: Pick<SeriesLifecycleRepository, 'sessionsFrom' | 'apply'>;
  /** The existing pairing-lifecycle path: an exit ends the pairing through it. */
  series: Pick<SeriesLifecycle, 'namedPair' | 'unpair'>;
  settings: Pick<ProgrammeSettingsRepository, 'forSchool' | 'update'>;
  staff: Pick<StaffRepository, 'findById'>;
  audit: Pick<StaffAuditTrail, 'recording'>;
  clock: Clock;
}

type PairingRow = Awaited<ReturnType<ExitsRepository['pairingsOfSchool']>>[number];
const told = 'Both schools’ coordinators have been told.';
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * A coordinator ending a pairing, planned or early: at once (its later sessions cancelled through the
 * lifecycle's unpair), or gradually (every other session before a final review cancelled, the pairing
 * ending once the final review is over). Also the school's exit questionnaire form.
 */
export class PairingExits {
  constructor(private readonly deps: PairingExitsDeps) {}

  async list(staff: StaffIdentity): Promise<{ pairings: ExitPairing[] }> {
    const schoolId = this.schoolOf(staff);
    await this.finishDue();
    const rows = await this.deps.exits.pairingsOfSchool(schoolId);
    const ids = rows.map((r) => r.id);
    const open = rows.filter((r) => !r.endedAt).map((r) => r.id);
    const [sessions, answers] = await Promise.all([
      this.deps.lifecycle.sessionsFrom(open, this.deps.clock.now(), { scheduledOnly: true }),
      this.deps.exits.answersFor(ids),
    ]);
    return {
      pairings: rows.map((row) => {
        const view = (s: PairingRow['mentor']) => person(s, schoolId);
        const students = new Map([row.mentor, row.mentee].map((s) => [s.id, s]));
        return {
          pairingId: row.id,
          mentor: view(row.mentor),
          mentee: view(row.mentee),
          state: stateOf(row),
          exit: row.exit ? exitView(row.exit) : null,
          upcoming: sessions
            .filter((s) => s.pairingId === row.id)
            .slice(0, 20)
            .map((s) => ({ id: s.id, start: s.start.toISOString(), date: localDate(s.start, row.mentee.timeZone) })),
          answers: answers
            .filter((a) => a.pairingId === row.id && students.has(a.studentId))
            .map((a) => ({
              student: view(students.get(a.studentId)!),
              form: a.form as unknown as ExitQuestionnaireForm,
              scaled: a.scaled,
              freeText: a.freeText,
              flaggedKeywords: a.flaggedKeywords,
              answeredAt: a.answeredAt.toISOString(),
            })),
        };
      }),
    };
  }

  async start(staff: StaffIdentity, pairingId: string, body: StartExitBody): Promise<StartExitResponse> {
    const pair = await this.deps.series.namedPair(pairingId, staff);
    if (!can(staff, 'exits:manage', [pair.mentor.schoolId, pair.mentee.schoolId])) throw new AppError('forbidden', 'Your account does not have access to that.');
    const row = await this.deps.exits.pairingById(pairingId);
    if (row?.exit) throw new AppError('conflict', `${pairWords(pair)} are already ${row.exit.status === 'exited' ? 'exited' : 'winding down'}.`);
    if (row?.endedAt) throw new AppError('conflict', `${pairWords(pair)} are already unpaired.`);
    const now = this.deps.clock.now();
    const base = {
      pairingId,
      kind: exitKindOf(body.reason),
      reason: body.reason,
      note: body.note,
      questionnaireRequested: body.questionnaire,
      startedBy: staff.staffId,
      startedAt: new Date(now.epochMilliseconds),
    };
    const endReason = exitEndReason(body.reason, body.note);

    if (body.mode === 'immediate') {
      if (body.finalReviewOn) throw AppError.badRequest('A final review date is for a gradual exit only.', { problems: [{ field: 'finalReviewOn', problem: 'is for a gradual exit only' }] });
      const result = await this.deps.series.unpair(staff, pairingId, endReason, (tx) =>
        this.deps.exits.insertExit(tx, { ...base, status: 'exited', gradual: false, exitedAt: new Date(now.epochMilliseconds) }),
      );
      return { message: `Exited ${pairWords(pair)} (${endReason}): ${sessionsWords(result.cancelled)} cancelled. ${told}`, cancelled: result.cancelled, state: 'exited' };
    }

    if (!body.finalReviewOn) throw AppError.badRequest('Choose the date of the final review session.', { problems: [{ field: 'finalReviewOn', problem: 'is needed for a gradual exit' }] });
    const sessions = await this.deps.lifecycle.sessionsFrom([pairingId], now, { scheduledOnly: true });
    const plan = windDownPlan(
      sessions.map((s) => ({ id: s.id, date: localDate(s.start, pair.timeZone) })),
      body.finalReviewOn,
    );
    if (!plan) {
      throw AppError.badRequest(`${pairWords(pair)} have no session still to come on ${dateWords(body.finalReviewOn)}: choose the date of one of their sessions.`, {
        problems: [{ field: 'finalReviewOn', problem: 'has no session of this pairing still to come' }],
      });
    }
    const finalReview = sessions.find((s) => s.id === plan.finalReviewId)!;
    const reason = `Fewer sessions before the final review on ${dateWords(body.finalReviewOn)} (gradual exit)`;
    const cancelled = sessions.filter((s) => plan.cancelIds.includes(s.id));
    await this.deps.lifecycle.apply(
      {
        at: now,
        by: staff.staffId,
        cancel: { ids: plan.cancelIds, reason },
        changes: cancelled.map((s) => ({
          partnershipId: pair.partnershipId,
          kind: 'occurrence_cancelled',
          occurrenceId: s.id,
          detail: () => ({ pairingId, reason, proposedReplacement: null }),
        })),
        notices: noticesFor(
          pair,
          `${staff.fullName} started a gradual exit for ${pairWords(pair)} (${endReason}): ${sessionsWords(cancelled.length)} cancelled; the final review is at ${sessionWords(finalReview.start, pair)}.`,
        ),
      },
      async (tx, written) => {
        await this.deps.audit.recording<string | null>(staff, () =>
          cancelled.map((s) => ({ kind: 'SessionCancelledByStaff' as const, occurrenceId: s.id, ...auditRefs(pair), session: sessionWords(s.start, pair), reason })),
        )(tx, written);
        await this.deps.exits.insertExit(tx, { ...base, status: 'winding_down', gradual: true, finalReviewOn: body.finalReviewOn!, finalReviewOccurrenceId: finalReview.id });
      },
    );
    return {
      message: `Started a gradual exit for ${pairWords(pair)}: ${sessionsWords(cancelled.length)} cancelled, final review at ${sessionWords(finalReview.start, pair)}. ${told}`,
      cancelled: cancelled.length,
      state: 'winding_down',
    };
  }

  /**
   * Gradual exits whose final review is over end now, through the same unpair path (in the name of whoever
   * started the exit). Run by a sweep on the injected clock and before anything reads exits.
   */
  async finishDue(): Promise<number> {
    const due = await this.deps.exits.dueWindDowns(this.deps.clock.now());
    for (const { pairingId, startedBy } of due) {
      const starter = await this.deps.staff.findById(startedBy);
      const row = await this.deps.exits.pairingById(pairingId);
      if (!starter || !row?.exit) continue;
      const at = this.deps.clock.now();
      if (row.endedAt) {
        // Unpaired another way meanwhile: the exit is simply over.
        await this.deps.exits.markExitedAlone(pairingId, at);
        continue;
      }
      const reason = `Final review held: ${exitEndReason(row.exit.reason, row.exit.note)}`;
      await this.deps.series.unpair({ ...starter, staffId: starter.id }, pairingId, reason, (tx) => this.deps.exits.markExited(tx, pairingId, at));
    }
    return due.length;
  }

  async questionnaire(staff: StaffIdentity): Promise<{ form: ExitQuestionnaireForm }> {
    const settings = await this.deps.settings.forSchool(this.schoolOf(staff));
    return { form: settings.exitQuestionnaire };
  }

  async replaceQuestionnaire(staff: StaffIdentity, form: ExitQuestionnaireForm): Promise<{ form: ExitQuestionnaireForm }> {
    const ids = form.questions.map((q) => q.id);
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated) throw AppError.badRequest(`Two questions have the id "${repeated}": each needs its own.`, { problems: [{ field: 'form.questions', problem: `repeat the id ${repeated}` }] });
    const next = await this.deps.settings.update(this.schoolOf(staff), { exitQuestionnaire: form }, new Date(this.deps.clock.now().epochMilliseconds));
    return { form: next.exitQuestionnaire };
  }

  private schoolOf(staff: StaffIdentity): string {
    const schoolId = schoolOf(staff);
    if (!can(staff, 'exits:manage', [schoolId])) throw new AppError('forbidden', 'Your account does not have access to that.');
    return schoolId;
  }
}

function person(s: PairingRow['mentor'], schoolId: string): ExitPerson {
  const own = s.schoolId === schoolId;
  return { id: s.id, firstName: s.firstName, ...(own ? { lastName: s.lastName } : {}), schoolName: s.schoolName, yearGroup: s.yearGroup, ownSchool: own };
}

function stateOf(row: PairingRow): PairingExitState {
  if (row.exit) return row.exit.status;
  return row.endedAt ? 'ended' : 'active';
}

function exitView(exit: ExitRow): NonNullable<ExitPairing['exit']> {
  return {
    kind: exit.kind,
    reason: exit.reason,
    note: exit.note,
    status: exit.status,
    gradual: exit.gradual,
    finalReviewOn: exit.finalReviewOn,
    finalReviewSessionId: exit.finalReviewOccurrenceId,
    questionnaireRequested: exit.questionnaireRequested,
    startedAt: exit.startedAt.toISOString(),
    exitedAt: iso(exit.exitedAt),
  };
}

/** A session's date on the mentee school's clock, which the sessions keep. */
export function localDate(start: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(start.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
