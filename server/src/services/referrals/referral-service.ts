import { Temporal } from 'temporal-polyfill';
import type {
  CreateReferralRequest,
  RecordMethod,
  Referral,
  ReferralLetter,
  ReferralProgrammeSettings,
  ReferralQueueResponse,
  ReferralStatus,
  UpdateProgrammeSettingsRequest,
} from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { studentLabel } from '../../domain/audit/staff-audit.js';
import { advance, checkOpen, isClosed, checkReasons, checkReferable, checkTransition, type ReferralFacts, type RuleAnswer } from '../../domain/referrals/referral-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { ProgrammeSettingsRepository } from '../../infra/db/programme-settings-repository.js';
import type { ReferralChange, ReferralRepository, StoredReferral } from '../../infra/db/referral-repository.js';
import { isUniqueViolation } from '../../infra/db/unique-violation.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import type { ConcernService } from '../concerns/concern-service.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { schoolOf } from '../staff/staff-school.js';
import type { StudentRecords } from '../students/student-records.js';

const notYours = () => new AppError('forbidden', 'Your account does not have access to that.');
const orConflict = (answer: RuleAnswer) => {
  if (!answer.ok) throw new AppError('conflict', answer.reason);
};

/**
 * The referral queue and mentor recruitment of one school. Consent and training go on the
 * student's own record through the students' service (the record admission to a call checks),
 * a hand-off to the DSL through the concern service, each in the same transaction as the referral's change.
 */
export class ReferralService {
  constructor(
    private readonly deps: {
      referrals: ReferralRepository;
      studentRecords: Pick<StudentRecords, 'setEligibility'>;
      concerns: Pick<ConcernService, 'raiseAboutStudent'>;
      settings: Pick<ProgrammeSettingsRepository, 'forSchool' | 'update'>;
      audit: Pick<StaffAuditTrail, 'recording'>;
      clock: Clock;
    },
  ) {}

  async queue(staff: StaffIdentity): Promise<ReferralQueueResponse> {
    const schoolId = this.ownSchool(staff, 'referrals:manage');
    const [referrals, settings, people] = await Promise.all([
      this.deps.referrals.listForSchool(schoolId),
      this.deps.settings.forSchool(schoolId),
      this.deps.referrals.staffOf(schoolId),
    ]);
    return { referrals, reasons: settings.referralReasons, staff: people };
  }

  async create(staff: StaffIdentity, body: CreateReferralRequest): Promise<Referral> {
    const schoolId = this.ownSchool(staff, 'referrals:manage');
    const student = await this.deps.referrals.studentToRefer(body.studentId);
    if (!student) throw AppError.notFound('No such student.');
    if (student.schoolId !== schoolId) throw notYours();
    const referable = checkReferable(student, body.kind);
    if (!referable.ok) throw AppError.badRequest(referable.reason);
    const reasons = checkReasons(body.kind, body.reasons, (await this.deps.settings.forSchool(schoolId)).referralReasons);
    if (!reasons.ok) throw AppError.badRequest(reasons.reason);
    const at = this.now();
    let id: string;
    try {
      const audited = this.deps.audit.recording(staff, () => ({ kind: 'ReferralRecorded', student: { id: student.id, name: studentLabel(student.firstName, student.lastName) }, referralKind: body.kind, source: body.source }));
      id = '';
      await this.deps.referrals.transaction(async (tx) => {
        id = await this.deps.referrals.insert({ schoolId, studentId: student.id, kind: body.kind, source: body.source, referredBy: staff.staffId, reasons: body.reasons, note: body.note, at }, tx);
        await audited(tx);
      });
    } catch (error) {
      if (isUniqueViolation(error, 'referrals_one_open')) {
        throw new AppError('conflict', body.kind === 'mentee' ? 'That student already has an open referral.' : 'That student already has an open application to mentor.');
      }
      throw error;
    }
    return this.view(schoolId, id);
  }

  /** The student's own yes, and who asked them (someone at the school; by default whoever records it). */
  async optIn(staff: StaffIdentity, id: string, askedBy: string | undefined): Promise<Referral> {
    const referral = await this.own(staff, id);
    orConflict(checkOpen(referral.status));
    if (referral.optInAt) throw new AppError('conflict', "The student's agreement is already on record.");
    const asker = askedBy ?? staff.staffId;
    if (!(await this.deps.referrals.staffOf(referral.schoolId)).some((s) => s.id === asker)) {
      throw AppError.badRequest('Who asked the student must be a member of staff at your school.');
    }
    const at = this.now();
    const status = advance({ ...facts(referral), optedIn: true }, referral.consentRequestedAt !== null);
    await this.updateAudited(staff, referral, 'opt_in', status, { optInAt: at, optInAskedBy: asker, optInRecordedBy: staff.staffId, ...moved(referral, status, at) });
    return this.view(referral.schoolId, id);
  }

  async requestConsent(staff: StaffIdentity, id: string): Promise<Referral> {
    const referral = await this.own(staff, id);
    orConflict(checkOpen(referral.status));
    if (referral.kind !== 'mentee') throw new AppError('conflict', "A mentor's application does not need parental consent.");
    if (referral.student.consented) throw new AppError('conflict', "The parents' consent is already on record.");
    const at = this.now();
    const status = advance(facts(referral), true);
    await this.updateAudited(staff, referral, 'consent_requested', status, { consentRequestedAt: at, consentRequestedBy: staff.staffId, ...moved(referral, status, at) });
    return this.view(referral.schoolId, id);
  }

  /** Puts consent on the student's record as the students screen does, and moves the referral on, together. */
  async recordConsent(staff: StaffIdentity, id: string, method: RecordMethod): Promise<Referral> {
    const referral = await this.own(staff, id);
    orConflict(checkOpen(referral.status));
    if (referral.kind !== 'mentee') throw new AppError('conflict', "A mentor's application does not need parental consent.");
    const at = this.now();
    const status = advance({ ...facts(referral), consented: true }, referral.consentRequestedAt !== null);
    await this.deps.studentRecords.setEligibility(staff, referral.student.id, { parentalConsent: true, method }, (tx) => this.deps.referrals.update(id, moved(referral, status, at), tx));
    return this.view(referral.schoolId, id);
  }

  /** A course and its date in `mentor_training`, the student marked trained on their record, the application moved on. */
  async recordTraining(staff: StaffIdentity, id: string, course: { course: string; completedOn: string; method?: RecordMethod | undefined }): Promise<Referral> {
    const referral = await this.own(staff, id);
    orConflict(checkOpen(referral.status));
    if (referral.kind !== 'mentor') throw new AppError('conflict', 'Training is recorded for mentors only.');
    const today = this.deps.clock.now().toZonedDateTimeISO(staff.schoolTimeZone ?? 'Europe/London').toPlainDate();
    if (Temporal.PlainDate.compare(Temporal.PlainDate.from(course.completedOn), today) > 0) throw AppError.badRequest('The training date is in the future.');
    const at = this.now();
    const status = advance({ ...facts(referral), trained: true }, false);
    const change = { trainingCompleted: true, ...(course.method ? { method: course.method } : {}) };
    await this.deps.studentRecords.setEligibility(staff, referral.student.id, change, async (tx) => {
      await this.deps.referrals.insertTraining({ studentId: referral.student.id, course: course.course, completedOn: course.completedOn, recordedBy: staff.staffId }, tx);
      await this.deps.referrals.update(id, moved(referral, status, at), tx);
    });
    return this.view(referral.schoolId, id);
  }

  async setStatus(staff: StaffIdentity, id: string, to: ReferralStatus, reason: string | undefined): Promise<Referral> {
    const referral = await this.own(staff, id);
    const answer = checkTransition(facts(referral), to, reason);
    // A missing reason is the request's fault (400); everything else is the referral's state (409).
    if (!answer.ok && (to === 'declined' || to === 'withdrawn') && !reason?.trim() && !isClosed(referral.status)) throw AppError.badRequest(answer.reason);
    orConflict(answer);
    const at = this.now();
    const closing = to === 'declined' || to === 'withdrawn';
    await this.updateAudited(staff, referral, 'status', to, { status: to, statusChangedAt: at, statusReason: closing ? reason!.trim() : null });
    return this.view(referral.schoolId, id);
  }

  /** One step: the referral becomes a concern for the school's DSLs (queue, alert, email), and records which. */
  async passToDsl(staff: StaffIdentity, id: string, whatHappened: string): Promise<Referral> {
    const referral = await this.own(staff, id);
    if (referral.passedToDslAt) throw new AppError('conflict', 'This referral has already been passed to the safeguarding lead.');
    const at = this.now();
    const s = referral.student;
    const child = { studentId: s.id, schoolId: referral.schoolId, firstName: s.firstName, lastName: s.lastName, yearGroup: s.yearGroup, schoolName: staff.schoolName ?? '' };
    // The concern's id is known inside its own transaction, where the referral names it.
    const audited = this.auditOf(staff, referral, 'passed_to_dsl', referral.status);
    await this.deps.concerns.raiseAboutStudent(staff, child, whatHappened, async (tx, concernId) => {
      await this.deps.referrals.update(id, { passedToDslAt: at, passedToDslBy: staff.staffId, concernId }, tx);
      await audited(tx);
    });
    return this.view(referral.schoolId, id);
  }

  async letter(staff: StaffIdentity, id: string): Promise<ReferralLetter> {
    const referral = await this.own(staff, id);
    const facts = await this.deps.referrals.letterFacts(referral.schoolId);
    const s = referral.student;
    return {
      ...facts,
      student: { firstName: s.firstName, lastName: s.lastName, yearGroup: s.yearGroup },
      kind: referral.kind,
      coordinatorName: staff.fullName,
      issuedAt: this.deps.clock.now().toString(),
    };
  }

  async settings(staff: StaffIdentity): Promise<ReferralProgrammeSettings> {
    const { exitQuestionnaire: _kept, ...rest } = await this.deps.settings.forSchool(this.ownSchool(staff, 'programme:settings'));
    return rest;
  }

  async updateSettings(staff: StaffIdentity, change: UpdateProgrammeSettingsRequest): Promise<ReferralProgrammeSettings> {
    const schoolId = this.ownSchool(staff, 'programme:settings');
    const audited = this.deps.audit.recording(staff, () => ({ kind: 'ProgrammeSettingsChanged', settings: Object.keys(change) }));
    let saved: ReferralProgrammeSettings | undefined;
    await this.deps.referrals.transaction(async (tx) => {
      const { exitQuestionnaire: _kept, ...rest } = await this.deps.settings.update(schoolId, change, this.now(), tx);
      saved = rest;
      await audited(tx);
    });
    return saved!;
  }

  private auditOf(staff: StaffIdentity, r: StoredReferral, change: 'opt_in' | 'consent_requested' | 'status' | 'passed_to_dsl', status: ReferralStatus) {
    return this.deps.audit.recording(staff, () => ({ kind: 'ReferralUpdated', student: { id: r.student.id, name: studentLabel(r.student.firstName, r.student.lastName) }, change, status }));
  }

  /** A step on a referral and its audit entry, together. */
  private async updateAudited(staff: StaffIdentity, r: StoredReferral, change: Parameters<ReferralService['auditOf']>[2], status: ReferralStatus, write: ReferralChange) {
    const audited = this.auditOf(staff, r, change, status);
    await this.deps.referrals.transaction(async (tx) => {
      await this.deps.referrals.update(r.id, write, tx);
      await audited(tx);
    });
  }

  private ownSchool(staff: StaffIdentity, action: 'referrals:manage' | 'programme:settings'): string {
    const schoolId = schoolOf(staff);
    if (!can(staff, action, [schoolId])) throw notYours();
    return schoolId;
  }

  private async own(staff: StaffIdentity, id: string): Promise<StoredReferral> {
    const referral = await this.deps.referrals.find(id);
    if (!referral) throw AppError.notFound('No such referral.');
    if (!can(staff, 'referrals:manage', [referral.schoolId])) throw notYours();
    return referral;
  }

  private async view(schoolId: string, id: string): Promise<Referral> {
    const [referral] = await this.deps.referrals.listForSchool(schoolId, id);
    if (!referral) throw AppError.notFound('No such referral.');
    return referral;
  }

  private now(): Date {
    return new Date(this.deps.clock.now().epochMilliseconds);
  }
}

function facts(r: StoredReferral): ReferralFacts {
  return { kind: r.kind, status: r.status, optedIn: r.optInAt !== null, consented: r.student.consented, trained: r.student.trained };
}

/** The status change to write with a fact, if the fact moved the referral on. */
function moved(r: StoredReferral, status: ReferralStatus, at: Date): ReferralChange {
  return status === r.status ? {} : { status, statusChangedAt: at, statusReason: null };
}
