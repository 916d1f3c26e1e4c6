import type {
  AvailabilityBody,
  PartnershipSummary,
  CancelledSession,
  Programme,
  SchoolCalendarResponse,
  SchoolTimetable,
} from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { studentLabel } from '../../domain/audit/staff-audit.js';
import { distinctSlots, freePeriodProblems } from '../../domain/scheduling/free-periods.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';
import type { SchedulingRepository } from '../../infra/db/scheduling-repository.js';
import type { PartnershipRepository } from '../../infra/db/partnership-repository.js';
import type { StudentRepository } from '../../infra/db/student-repository.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import { toCalendarResponse, toProgramme, toTimetable } from './calendar-mapper.js';
import { cancelledFromChange } from './session-words.js';

/** Coordinators keep their own school's calendar and students' availability, and their partnerships' programmes. */
export class SchoolCalendars {
  constructor(
    private readonly deps: {
      calendars: Pick<CalendarRepository, 'loadBody' | 'setAvailability' | 'programmeOf'>;
      scheduling: Pick<SchedulingRepository, 'cancelledByClosures'>;
      partnerships: Pick<PartnershipRepository, 'findById' | 'listForSchool' | 'schoolNames'>;
      students: Pick<StudentRepository, 'findNamed'>;
      audit: Pick<StaffAuditTrail, 'recording'>;
      clock: Clock;
    },
  ) {}

  /** The calendar with each closure's cancelled sessions, as they were named when it cancelled them. */
  async calendarOf(schoolId: string): Promise<SchoolCalendarResponse> {
    const stored = await this.deps.calendars.loadBody(schoolId);
    const changes = await this.deps.scheduling.cancelledByClosures(stored.closures.map((c) => c.id));
    const cancelled = new Map<string, CancelledSession[]>();
    for (const change of changes) {
      const session = cancelledFromChange(change);
      const closureId = String(change.detail.closureId);
      if (session) cancelled.set(closureId, [...(cancelled.get(closureId) ?? []), session]);
    }
    return toCalendarResponse(stored, cancelled);
  }

  /** A student's free periods, each one a period the school's bell schedule has on that weekday. */
  async setAvailability(staff: StaffIdentity, studentId: string, body: AvailabilityBody): Promise<void> {
    const student = await this.deps.students.findNamed(studentId);
    if (!student) throw AppError.notFound('No such student.');
    assertCan(staff, [student.schoolId]);
    const { calendar } = await this.deps.calendars.loadBody(student.schoolId);
    if (!calendar) {
      throw new AppError('conflict', 'The school has no bell times yet: set up the calendar (periods for each weekday) before free periods.');
    }
    const slots = distinctSlots(body.slots);
    const problems = freePeriodProblems(slots, { bellSchedule: calendar.bellSchedule, cycleWeeks: calendar.cycleWeeks });
    if (problems.length > 0) throw AppError.badRequest(`Free periods: ${problems.join('; ')}.`, { field: 'slots', problems });
    const ref = { id: student.id, name: studentLabel(student.firstName, student.lastName) };
    await this.deps.calendars.setAvailability(
      studentId,
      { slots },
      this.deps.clock.now(),
      this.deps.audit.recording(staff, () => ({ kind: 'FreePeriodsSet', student: ref, periods: slots.length })),
    );
  }

  partnershipsOf(schoolId: string): Promise<PartnershipSummary[]> {
    return this.deps.partnerships.listForSchool(schoolId);
  }

  /** Both schools' bell schedules for the side-by-side week view: no student data. */
  async timetables(staff: StaffIdentity, partnershipId: string): Promise<SchoolTimetable[]> {
    const partnership = await this.partnershipFor(staff, partnershipId);
    const names = await this.deps.partnerships.schoolNames(partnership);
    const schools = [
      { id: partnership.mentorSchoolId, role: 'mentor' as const },
      { id: partnership.menteeSchoolId, role: 'mentee' as const },
    ];
    return Promise.all(schools.map(async (school) => toTimetable(school, names.get(school.id) ?? '', await this.deps.calendars.loadBody(school.id))));
  }

  async programme(staff: StaffIdentity, partnershipId: string): Promise<Programme | null> {
    const partnership = await this.partnershipFor(staff, partnershipId);
    const row = await this.deps.calendars.programmeOf(partnership.id);
    return row ? toProgramme(row) : null;
  }

  /** A partnership belongs to both its schools: either school's coordinator may manage its shared things. */
  private async partnershipFor(staff: StaffIdentity, partnershipId: string) {
    const partnership = await this.deps.partnerships.findById(partnershipId);
    if (!partnership) throw AppError.notFound('No such partnership.');
    assertCan(staff, partnership.schoolIds);
    return partnership;
  }
}

function assertCan(staff: StaffIdentity, owningSchoolIds: readonly string[]): void {
  if (!can(staff, 'schedule:manage', owningSchoolIds)) throw new AppError('forbidden', 'Your account does not have access to that.');
}
