import type { EligibilityRecord, MentorTrainingEntry, RecordMethod, Referral, ReferralKind, ReferralSource, ReferralStatus, ReferralStaff } from '@peerbridge/shared';
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { optInWarning } from '../../domain/referrals/referral-rules.js';
import type { Db } from './database.js';
import type { AlsoInTransaction } from './in-transaction.js';
import { mentorTraining, partnerships, programmes, referrals, schools, staff, students } from './schema.js';

type ReferralRow = typeof referrals.$inferSelect;

/** A referral as the service reasons about it: the row, with what the student's own record says. */
export interface StoredReferral {
  id: string;
  schoolId: string;
  kind: ReferralKind;
  status: ReferralStatus;
  referredBy: string;
  optInAt: Date | null;
  optInAskedBy: string | null;
  optInRecordedBy: string | null;
  consentRequestedAt: Date | null;
  passedToDslAt: Date | null;
  student: { id: string; firstName: string; lastName: string; yearGroup: number; consented: boolean; trained: boolean };
}

export interface NewReferral {
  schoolId: string;
  studentId: string;
  kind: ReferralKind;
  source: ReferralSource;
  referredBy: string;
  reasons: string[];
  note: string;
  at: Date;
}

export type ReferralChange = Partial<
  Pick<
    ReferralRow,
    | 'status'
    | 'statusChangedAt'
    | 'statusReason'
    | 'optInAt'
    | 'optInAskedBy'
    | 'optInRecordedBy'
    | 'consentRequestedAt'
    | 'consentRequestedBy'
    | 'passedToDslAt'
    | 'passedToDslBy'
    | 'concernId'
  >
>;

const iso = (d: Date) => d.toISOString();
const record = (at: Date | null, by: string | null, method: RecordMethod | null, names: Map<string, string>): EligibilityRecord | null =>
  at ? { recordedAt: iso(at), recordedBy: by ? (names.get(by) ?? null) : null, method } : null;

/** Referrals and mentor applications, each a school's own record, with the training courses recorded for mentors. */
export class ReferralRepository {
  constructor(private readonly db: Db) {}

  /** The student a referral would be of, with their school, for the own-school and who-may-be-referred checks. */
  async studentToRefer(studentId: string) {
    const [row] = await this.db
      .select({ id: students.id, schoolId: students.schoolId, firstName: students.firstName, lastName: students.lastName, role: students.role, yearGroup: students.yearGroup, archivedAt: students.archivedAt })
      .from(students)
      .where(eq(students.id, studentId))
      .limit(1);
    return row ? { ...row, archived: row.archivedAt !== null } : undefined;
  }

  /** Inserts a referral; a second open one of a kind for a student breaks `referrals_one_open`. */
  async insert(referral: NewReferral, tx: Db = this.db): Promise<string> {
    const [row] = await tx
      .insert(referrals)
      .values({ ...referral, status: 'new', statusChangedAt: referral.at, createdAt: referral.at })
      .returning({ id: referrals.id });
    return row!.id;
  }

  async find(id: string, tx: Db = this.db): Promise<StoredReferral | undefined> {
    const [row] = await tx
      .select({ referral: referrals, student: students })
      .from(referrals)
      .innerJoin(students, eq(students.id, referrals.studentId))
      .where(eq(referrals.id, id))
      .limit(1);
    if (!row) return undefined;
    const r = row.referral;
    const s = row.student;
    return {
      id: r.id,
      schoolId: r.schoolId,
      kind: r.kind,
      status: r.status,
      referredBy: r.referredBy,
      optInAt: r.optInAt,
      optInAskedBy: r.optInAskedBy,
      optInRecordedBy: r.optInRecordedBy,
      consentRequestedAt: r.consentRequestedAt,
      passedToDslAt: r.passedToDslAt,
      student: { id: s.id, firstName: s.firstName, lastName: s.lastName, yearGroup: s.yearGroup, consented: s.parentalConsentAt !== null, trained: s.trainingCompletedAt !== null },
    };
  }

  /** Nothing to change (a fact that did not move the referral on) writes nothing. */
  async update(id: string, change: ReferralChange, tx: Db = this.db): Promise<void> {
    if (Object.keys(change).length === 0) return;
    await tx.update(referrals).set(change).where(eq(referrals.id, id));
  }

  /** A training course, written in the transaction that marks the student trained. */
  async insertTraining(entry: { studentId: string; course: string; completedOn: string; recordedBy: string }, tx: Db = this.db): Promise<void> {
    await tx.insert(mentorTraining).values(entry);
  }

  /** The school's staff still able to sign in, by name: who may have asked a student. */
  async staffOf(schoolId: string): Promise<ReferralStaff[]> {
    return this.db
      .select({ id: staff.id, name: staff.fullName })
      .from(staff)
      .where(and(eq(staff.schoolId, schoolId), isNull(staff.deactivatedAt)))
      .orderBy(asc(staff.fullName));
  }

  /** The school's referrals in full (its own students), newest first; `id` narrows it to one. */
  async listForSchool(schoolId: string, id?: string): Promise<Referral[]> {
    const rows = await this.db
      .select({ referral: referrals, student: students })
      .from(referrals)
      .innerJoin(students, eq(students.id, referrals.studentId))
      .where(id ? and(eq(referrals.schoolId, schoolId), eq(referrals.id, id)) : eq(referrals.schoolId, schoolId))
      .orderBy(desc(referrals.createdAt), desc(referrals.id));
    if (rows.length === 0) return [];
    // Names of anyone who referred, asked or recorded: a deactivated account still names its records.
    const names = new Map((await this.db.select({ id: staff.id, name: staff.fullName }).from(staff).where(eq(staff.schoolId, schoolId))).map((s) => [s.id, s.name]));
    const name = (by: string | null) => (by ? (names.get(by) ?? null) : null);
    const studentIds = [...new Set(rows.map((r) => r.student.id))];
    const courses = await this.db
      .select()
      .from(mentorTraining)
      .where(inArray(mentorTraining.studentId, studentIds))
      .orderBy(asc(mentorTraining.completedOn), asc(mentorTraining.createdAt));
    const trainingOf = new Map<string, MentorTrainingEntry[]>();
    for (const c of courses) {
      const list = trainingOf.get(c.studentId) ?? [];
      list.push({ course: c.course, completedOn: c.completedOn, recordedBy: name(c.recordedBy) });
      trainingOf.set(c.studentId, list);
    }
    return rows.map(({ referral: r, student: s }) => ({
      id: r.id,
      kind: r.kind,
      source: r.source,
      student: { id: s.id, firstName: s.firstName, lastName: s.lastName, yearGroup: s.yearGroup },
      reasons: r.reasons,
      note: r.note,
      status: r.status,
      statusChangedAt: iso(r.statusChangedAt),
      statusReason: r.statusReason,
      referredBy: name(r.referredBy),
      createdAt: iso(r.createdAt),
      optIn: r.optInAt ? { at: iso(r.optInAt), askedBy: name(r.optInAskedBy), recordedBy: name(r.optInRecordedBy) } : null,
      optInWarning: optInWarning(r.referredBy, r.optInAt ? { askedBy: r.optInAskedBy, recordedBy: r.optInRecordedBy } : null),
      consentRequest: r.consentRequestedAt ? { at: iso(r.consentRequestedAt), by: name(r.consentRequestedBy) } : null,
      consent: record(s.parentalConsentAt, s.parentalConsentBy, s.parentalConsentMethod, names),
      trained: record(s.trainingCompletedAt, s.trainingRecordedBy, s.trainingMethod, names),
      training: s.role === 'mentor' ? (trainingOf.get(s.id) ?? []) : [],
      passedToDsl: r.passedToDslAt ? { at: iso(r.passedToDslAt), by: name(r.passedToDslBy), concernId: r.concernId } : null,
    }));
  }

  /** What the parents' letter needs: the school, its partnership's programme, the partner school's name. */
  async letterFacts(schoolId: string) {
    const [school] = await this.db.select({ name: schools.name, timeZone: schools.timeZone }).from(schools).where(eq(schools.id, schoolId)).limit(1);
    const [partnership] = await this.db
      .select({ id: partnerships.id, mentorSchoolId: partnerships.mentorSchoolId, menteeSchoolId: partnerships.menteeSchoolId })
      .from(partnerships)
      .where(or(eq(partnerships.mentorSchoolId, schoolId), eq(partnerships.menteeSchoolId, schoolId)))
      .orderBy(asc(partnerships.createdAt))
      .limit(1);
    if (!partnership) return { schoolName: school?.name ?? '', partnerSchoolName: null, programme: null };
    const partnerId = partnership.mentorSchoolId === schoolId ? partnership.menteeSchoolId : partnership.mentorSchoolId;
    const [partner] = await this.db.select({ name: schools.name }).from(schools).where(eq(schools.id, partnerId)).limit(1);
    const [programme] = await this.db.select().from(programmes).where(eq(programmes.partnershipId, partnership.id)).limit(1);
    return {
      schoolName: school?.name ?? '',
      partnerSchoolName: partner?.name ?? null,
      programme: programme
        ? { startDate: programme.startDate, endDate: programme.endDate, sessionMinutes: programme.sessionMinutes, frequency: programme.frequency, goals: programme.goals }
        : null,
    };
  }

  /** Runs writes together: a referral's change with the student record's, the concern's, the audit entry. */
  transaction(work: AlsoInTransaction): Promise<void> {
    return this.db.transaction(async (tx) => work(tx as unknown as Db));
  }
}
