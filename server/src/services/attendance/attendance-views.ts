import type { AttendancePerson, AttendanceRecordRow, MentoredListResponse, PairingAttendanceResponse, StudentAttendanceResponse } from '@peerbridge/shared';
import { Temporal } from 'temporal-polyfill';
import { can } from '../../domain/access/policy.js';
import { countAttendance } from '../../domain/attendance/attendance-rules.js';
import { recordNote } from '../../domain/attendance/attendance-words.js';
import { formatAtSchool, formatSessionWhen } from '../../domain/scheduling/format.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { AttendanceRepository, AttendanceStudent, PairingPeople, StoredAttendance } from '../../infra/db/attendance-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';

/**
 * What coordinators read of stored attendance: per pairing, per student, and the list of who is
 * being mentored at their school. Either school of a pairing reads it; the partner school's
 * students appear only by first name, school and year group.
 */
export class AttendanceViews {
  constructor(private readonly deps: { attendance: Pick<AttendanceRepository, 'pairing' | 'pairingsOf' | 'student' | 'forPairings' | 'mentoredAt'>; clock: Clock }) {}

  async pairing(staff: StaffIdentity, pairingId: string): Promise<PairingAttendanceResponse> {
    const pairing = await this.deps.attendance.pairing(pairingId);
    if (!pairing) throw AppError.notFound('No such pairing.');
    this.allow(staff, [pairing.mentor.schoolId, pairing.mentee.schoolId]);
    const records = await this.deps.attendance.forPairings([pairingId]);
    return {
      pairing: { id: pairing.pairingId, mentor: personFor(staff, pairing.mentor), mentee: personFor(staff, pairing.mentee), ended: pairing.endedAt !== null },
      records: records.map((r) => this.row(staff, r, pairing)).reverse(),
      mentorCounts: countAttendance(records.map((r) => r.mentor)),
      menteeCounts: countAttendance(records.map((r) => r.mentee)),
    };
  }

  async student(staff: StaffIdentity, studentId: string): Promise<StudentAttendanceResponse> {
    const student = await this.deps.attendance.student(studentId);
    if (!student) throw AppError.notFound('No such student.');
    // The partner school sees only what the pairings with its own students hold.
    const pairings = (await this.deps.attendance.pairingsOf(studentId)).filter((p) => [p.mentor.schoolId, p.mentee.schoolId].includes(staff.schoolId ?? ''));
    this.allow(staff, pairings.length > 0 ? [student.schoolId, ...pairings.flatMap((p) => [p.mentor.schoolId, p.mentee.schoolId])] : [student.schoolId]);
    const byId = new Map(pairings.map((p) => [p.pairingId, p]));
    const records = await this.deps.attendance.forPairings(pairings.map((p) => p.pairingId));
    const rows = records.map((r) => {
      const pairing = byId.get(r.pairingId)!;
      const asMentor = pairing.mentor.id === studentId;
      return { ...this.row(staff, r, pairing), side: asMentor ? r.mentor : r.mentee, partnerFirstName: (asMentor ? pairing.mentee : pairing.mentor).firstName };
    });
    return {
      student: personFor(staff, student),
      role: student.role,
      pairings: pairings.map((p) => ({ pairingId: p.pairingId, partner: personFor(staff, p.mentor.id === studentId ? p.mentee : p.mentor), ended: p.endedAt !== null })),
      records: rows.reverse(),
      counts: countAttendance(rows.map((r) => r.side)),
    };
  }

  async mentored(staff: StaffIdentity): Promise<MentoredListResponse> {
    const schoolId = staff.schoolId;
    if (!schoolId) throw new AppError('forbidden', 'Only school staff see who is being mentored.');
    this.allow(staff, [schoolId]);
    const now = this.deps.clock.now();
    const zone = staff.schoolTimeZone ?? 'Europe/London';
    const schoolName = staff.schoolName ?? '';
    const pairings = await this.deps.attendance.mentoredAt(schoolId, now);
    const records = await this.deps.attendance.forPairings(pairings.map((p) => p.pairingId));
    const students: MentoredListResponse['students'] = [];
    for (const p of pairings) {
      for (const role of ['mentor', 'mentee'] as const) {
        const own = p[role];
        if (own.schoolId !== schoolId) continue;
        const partner = role === 'mentor' ? p.mentee : p.mentor;
        const next = p.nextStartsAt ? Temporal.Instant.fromEpochMilliseconds(p.nextStartsAt.getTime()) : null;
        students.push({
          student: personFor(staff, own),
          role,
          partner: personFor(staff, partner),
          pairingId: p.pairingId,
          nextSession: next ? { startsAt: next.toString(), when: formatSessionWhen(next, zone, schoolName) } : null,
          counts: countAttendance(records.filter((r) => r.pairingId === p.pairingId).map((r) => r[role])),
        });
      }
    }
    students.sort((a, b) => `${a.student.lastName} ${a.student.firstName}`.localeCompare(`${b.student.lastName} ${b.student.firstName}`));
    return { schoolName, timeZone: zone, asOf: formatAtSchool(now, zone), students };
  }

  private allow(staff: StaffIdentity, schoolIds: string[]): void {
    if (!can(staff, 'attendance:read', schoolIds)) throw new AppError('forbidden', "Only a coordinator of one of the pairing's schools sees its attendance.");
  }

  private row(staff: StaffIdentity, record: StoredAttendance, pairing: PairingPeople): AttendanceRecordRow {
    const zone = staff.schoolTimeZone ?? pairing.mentee.schoolTimeZone;
    return {
      occurrenceId: record.occurrenceId,
      pairingId: record.pairingId,
      startsAt: record.startsAt.toString(),
      when: formatSessionWhen(record.startsAt, zone, staff.schoolName ?? pairing.mentee.schoolName),
      outcome: record.outcome,
      mentor: record.mentor,
      mentee: record.mentee,
      note: recordNote(record, { mentor: pairing.mentor.firstName, mentee: pairing.mentee.firstName }),
    };
  }
}

/** A school's own student in full; the partner school's by first name, school and year group only. */
function personFor(staff: StaffIdentity, s: AttendanceStudent): AttendancePerson {
  const ownSchool = s.schoolId === staff.schoolId;
  return { id: s.id, firstName: s.firstName, ...(ownSchool ? { lastName: s.lastName } : {}), yearGroup: s.yearGroup, schoolName: s.schoolName, ownSchool };
}
