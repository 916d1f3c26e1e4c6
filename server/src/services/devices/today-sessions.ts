import type { TodaySession, TodaySessionsResponse } from '@peerbridge/shared';
import { joinOpensAt, sessionStatus } from '../../domain/sessions/join-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { schoolDayAt } from '../../domain/time/school-day.js';
import type { SessionRecord, SessionRepository } from '../../infra/db/session-repository.js';
import type { DeviceIdentity } from './device-tokens.js';

/** What a school iPad shows on its home screen: today's sessions at its school, in the school's own day. */
export class TodaySessions {
  constructor(
    private readonly deps: {
      /** Its sessions come with whether each is a gradual exit's final review (the students are told), in the same query. */
      sessions: Pick<SessionRepository, 'listForSchool'>;
      clock: Clock;
    },
  ) {}

  async forDevice(device: DeviceIdentity): Promise<TodaySessionsResponse> {
    const now = this.deps.clock.now();
    const day = schoolDayAt(now, device.school.timeZone);
    const records = await this.deps.sessions.listForSchool(device.school.id, day.start, day.end);
    return {
      school: device.school,
      device: { id: device.deviceId, label: device.label },
      date: day.date.toString(),
      sessions: records.map((r) => ({ ...toTodaySession(r, device.school.id, now), ...(r.finalReview ? { finalReview: true as const } : {}) })),
    };
  }
}

function toTodaySession(record: SessionRecord, schoolId: string, now: Parameters<typeof sessionStatus>[1]): TodaySession {
  const [self, partner] = record.mentor.schoolId === schoolId ? [record.mentor, record.mentee] : [record.mentee, record.mentor];
  return {
    id: record.id,
    startsAt: record.startsAt.toString(),
    endsAt: record.endsAt.toString(),
    joinOpensAt: joinOpensAt(record.startsAt).toString(),
    status: sessionStatus(record, now),
    participant: { id: self.id, firstName: self.firstName, role: self.role },
    // Partner-school students are shown by first name, school and year only.
    partner: { firstName: partner.firstName, role: partner.role, yearGroup: partner.yearGroup, schoolName: partner.schoolName },
    // For the call: what they agreed to work on, and, on the end screen, when they meet again.
    ...(record.focus.trim() ? { focus: record.focus.trim() } : {}),
    ...(record.nextStartsAt ? { nextStartsAt: record.nextStartsAt.toString() } : {}),
  };
}
