import { Temporal } from 'temporal-polyfill';
import type { SessionStudentView, StaffSessionSummary } from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { staffSessionStatus } from '../../domain/sessions/held-status.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { SessionRecord, SessionRepository, SessionStudent } from '../../infra/db/session-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';

const MAX_RANGE_DAYS = 366;
/** When neither end is given: a week either side of today. */
const DEFAULT_REACH = { days: 7 };

/** A partner school's student is shown by first name, school and year only. */
export function toSessionStudentView(student: SessionStudent, viewerSchoolId: string): SessionStudentView {
  const base = { id: student.id, firstName: student.firstName, yearGroup: student.yearGroup, schoolName: student.schoolName };
  return student.schoolId === viewerSchoolId ? { ...base, lastName: student.lastName } : base;
}

export function toStaffSessionSummary(
  record: SessionRecord,
  viewerSchoolId: string,
  counts: { entries: number; flagged: boolean; joined: boolean } | undefined,
  now: Temporal.Instant,
): StaffSessionSummary {
  return {
    id: record.id,
    startsAt: record.startsAt.toString(),
    endsAt: record.endsAt.toString(),
    status: staffSessionStatus(record, now, counts?.joined ?? false),
    mentor: toSessionStudentView(record.mentor, viewerSchoolId),
    mentee: toSessionStudentView(record.mentee, viewerSchoolId),
    eventCount: counts?.entries ?? 0,
    flagged: counts?.flagged ?? false,
  };
}

/** Staff list the sessions involving their school's students, by local date range in the school's own zone. */
export class StaffSessionList {
  constructor(private readonly deps: { sessions: Pick<SessionRepository, 'listForSchool' | 'eventCounts'>; clock: Clock }) {}

  async list(staff: StaffIdentity, schoolId: string, range: { from?: string | undefined; to?: string | undefined }): Promise<StaffSessionSummary[]> {
    if (!can(staff, 'sessions:read', [schoolId])) throw new AppError('forbidden', 'Your account does not have access to that.');
    // Signed in with a school means signed in with its zone (the column is not null); "today" is the school's.
    const school = { id: schoolId, timeZone: staff.schoolTimeZone ?? 'Europe/London' };
    const now = this.deps.clock.now();
    const today = now.toZonedDateTimeISO(school.timeZone).toPlainDate();
    const from = range.from ? Temporal.PlainDate.from(range.from) : today.subtract(DEFAULT_REACH);
    const to = range.to ? Temporal.PlainDate.from(range.to) : today.add(DEFAULT_REACH);
    const days = from.until(to).total('days');
    if (days < 0) throw AppError.badRequest('Invalid date range: from must not be after to.');
    if (days > MAX_RANGE_DAYS) throw AppError.badRequest(`Invalid date range: at most ${MAX_RANGE_DAYS} days at once.`);
    const records = await this.deps.sessions.listForSchool(
      school.id,
      from.toZonedDateTime({ timeZone: school.timeZone }).toInstant(),
      to.add({ days: 1 }).toZonedDateTime({ timeZone: school.timeZone }).toInstant(),
    );
    const counts = await this.deps.sessions.eventCounts(records.map((r) => r.id));
    return records.map((r) => toStaffSessionSummary(r, school.id, counts.get(r.id), now));
  }
}
