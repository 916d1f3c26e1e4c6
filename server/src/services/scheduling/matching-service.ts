import { Temporal } from 'temporal-polyfill';
import type { StudentMatchingProfile, SuggestionsResponse } from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { studentLabel } from '../../domain/audit/staff-audit.js';
import { assignGreedy, assignOptimal, MatchingInputError, type PairRef } from '../../domain/matching/index.js';
import { findSlots } from '../../domain/scheduling/index.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { AppError } from '../../errors.js';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';
import type { MatchingRepository } from '../../infra/db/matching-repository.js';
import type { PartnershipRepository } from '../../infra/db/partnership-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';

/**
 * Suggested pairings across a partnership. The matcher only suggests: a
 * pairing exists when a coordinator accepts one. Each suggestion carries its
 * score in parts so the coordinator can see why.
 */
export class MatchingService {
  constructor(
    private readonly deps: {
      matching: Pick<MatchingRepository, 'studentsOf' | 'studentsByIds' | 'pairingsOf' | 'createPairing' | 'setSubjects' | 'profileOf' | 'subjectsInUse'>;
      calendars: Pick<CalendarRepository, 'load' | 'availabilityOf' | 'programmeOf'>;
      partnerships: Pick<PartnershipRepository, 'findById' | 'schoolNames' | 'listForSchool'>;
      audit: StaffAuditTrail;
    },
  ) {}

  async suggestions(staff: StaffIdentity, partnershipId: string, review: { excluded: PairRef[]; locked: PairRef[] }): Promise<SuggestionsResponse> {
    const partnership = await this.partnershipFor(staff, partnershipId);
    const [mentees, mentors, existing, programme, mentorCalendar, menteeCalendar] = await Promise.all([
      this.deps.matching.studentsOf(partnership.menteeSchoolId, 'mentee'),
      this.deps.matching.studentsOf(partnership.mentorSchoolId, 'mentor'),
      this.deps.matching.pairingsOf(partnership.id),
      this.deps.calendars.programmeOf(partnership.id),
      this.deps.calendars.load(partnership.mentorSchoolId),
      this.deps.calendars.load(partnership.menteeSchoolId),
    ]);
    if (!programme || !mentorCalendar || !menteeCalendar) {
      throw new AppError('conflict', 'Suggestions need both schools’ calendars and the programme’s dates first.');
    }
    const availability = await this.deps.calendars.availabilityOf([...mentees, ...mentors].map((s) => s.id));
    const programmeDates = {
      start: Temporal.PlainDate.from(programme.startDate),
      end: Temporal.PlainDate.from(programme.endDate),
      sessionMinutes: programme.sessionMinutes,
      frequency: 'weekly' as const,
    };
    // How many weekly slots each pair could use: the calendars and availability alone.
    const shared = new Map<string, Map<string, number>>();
    for (const mentee of mentees) {
      const menteeFree = availability.get(mentee.id);
      const row = new Map<string, number>();
      shared.set(mentee.id, row);
      if (!menteeFree) continue;
      for (const mentor of mentors) {
        const mentorFree = availability.get(mentor.id);
        if (!mentorFree) continue;
        const slots = findSlots({ mentor: mentorFree, mentee: menteeFree, mentorSchool: mentorCalendar, menteeSchool: menteeCalendar, programme: programmeDates, bookings: [], limit: 1 });
        if (slots.length > 0) row.set(mentor.id, slots.length);
      }
    }
    // One current mentor per mentee: the earliest pairing stands for it.
    const alreadyPaired: PairRef[] = [];
    for (const p of existing) {
      if (!alreadyPaired.some((a) => a.menteeId === p.menteeId)) alreadyPaired.push({ menteeId: p.menteeId, mentorId: p.mentorId });
    }
    const input = {
      mentees: mentees.map((m) => ({ id: m.id, needs: m.subjects, eligible: m.parentalConsentAt !== null })),
      mentors: mentors.map((m) => ({ id: m.id, strengths: m.subjects, eligible: m.trainingCompletedAt !== null, currentCaseload: 0 })),
      caseloadLimit: programme.caseloadLimit,
      sharedSlots: shared,
      excluded: review.excluded,
      locked: [...alreadyPaired, ...review.locked.filter((l) => !alreadyPaired.some((p) => p.menteeId === l.menteeId))],
    };
    let result;
    try {
      result = assignOptimal(input);
    } catch (error) {
      if (error instanceof MatchingInputError) throw AppError.badRequest(error.message);
      throw error;
    }
    const name = (id: string) => {
      const student = [...mentees, ...mentors].find((s) => s.id === id)!;
      // Partner-school students by first name only.
      return student.schoolId === staff.schoolId ? `${student.firstName} ${student.lastName}` : student.firstName;
    };
    return {
      suggestions: result.suggestions.map((s) => ({ ...s, mentee: name(s.menteeId), mentor: name(s.mentorId) })),
      kept: result.kept.map((k) => ({ ...k, mentee: name(k.menteeId), mentor: name(k.mentorId) })),
      unmatched: result.unmatched.map((u) => ({ ...u, mentee: name(u.menteeId) })),
      totalScore: result.totalScore,
      greedyScore: assignGreedy(input).totalScore,
    };
  }

  /** A coordinator's yes: the pairing exists from now on. */
  async accept(staff: StaffIdentity, partnershipId: string, pair: PairRef) {
    const partnership = await this.partnershipFor(staff, partnershipId);
    const students = await this.deps.matching.studentsByIds([pair.mentorId, pair.menteeId]);
    const mentor = students.find((s) => s.id === pair.mentorId);
    const mentee = students.find((s) => s.id === pair.menteeId);
    if (mentor?.schoolId !== partnership.mentorSchoolId || mentor.role !== 'mentor') {
      throw AppError.badRequest('The mentor must be a mentor at the partnership’s mentor school.');
    }
    if (mentee?.schoolId !== partnership.menteeSchoolId || mentee.role !== 'mentee') {
      throw AppError.badRequest('The mentee must be a Year 11 student at the partnership’s mentee school.');
    }
    const names = await this.deps.partnerships.schoolNames(partnership);
    const ref = (s: { id: string; firstName: string; schoolId: string }) => ({ id: s.id, firstName: s.firstName, schoolName: names.get(s.schoolId) ?? '' });
    const id = await this.deps.matching.createPairing(
      partnership.id,
      mentor.id,
      mentee.id,
      this.deps.audit.recording(staff, (pairingId: string) => ({ kind: 'PairingAccepted', pairingId, mentor: ref(mentor), mentee: ref(mentee) })),
    );
    if (!id) throw new AppError('conflict', `${mentor.firstName} and ${mentee.firstName} are already paired.`);
    return { pairingId: id };
  }

  /** A student's subjects (a mentee's needs, a mentor's strengths), set by their own school's coordinator. */
  async setSubjects(staff: StaffIdentity, studentId: string, subjects: string[]): Promise<void> {
    const student = await this.ownStudent(staff, studentId);
    const distinct = [...new Set(subjects)];
    const ref = { id: student.id, name: studentLabel(student.firstName, student.lastName) };
    await this.deps.matching.setSubjects(studentId, distinct, this.deps.audit.recording(staff, () => ({ kind: 'SubjectsSet', student: ref, subjects: distinct })));
  }

  /** What matching knows of one own-school student, and the subjects in use across the school's partnerships to suggest. */
  async profile(staff: StaffIdentity, studentId: string): Promise<StudentMatchingProfile> {
    const student = await this.ownStudent(staff, studentId);
    const partnerships = await this.deps.partnerships.listForSchool(student.schoolId);
    const schoolIds = new Set([student.schoolId, ...partnerships.flatMap((p) => [p.mentorSchool.id, p.menteeSchool.id])]);
    return {
      studentId: student.id,
      role: student.role,
      freePeriods: student.slots ?? [],
      subjects: student.subjects,
      subjectSuggestions: await this.deps.matching.subjectsInUse([...schoolIds]),
    };
  }

  private async ownStudent(staff: StaffIdentity, studentId: string) {
    const student = await this.deps.matching.profileOf(studentId);
    if (!student) throw AppError.notFound('No such student.');
    if (!can(staff, 'schedule:manage', [student.schoolId])) throw new AppError('forbidden', 'Your account does not have access to that.');
    return student;
  }

  private async partnershipFor(staff: StaffIdentity, partnershipId: string) {
    const partnership = await this.deps.partnerships.findById(partnershipId);
    if (!partnership) throw AppError.notFound('No such partnership.');
    if (!can(staff, 'schedule:manage', partnership.schoolIds)) throw new AppError('forbidden', 'Your account does not have access to that.');
    return partnership;
  }
}
