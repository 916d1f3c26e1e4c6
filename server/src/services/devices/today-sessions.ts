import { Temporal } from 'temporal-polyfill';
import type { TodaySession, TodaySessionsResponse } from '@peerbridge/shared';
import { joinOpensAtMs, sessionStatusMs } from '../../domain/sessions/join-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { instantText } from '../../domain/time/instant-text.js';
import { schoolDayAt } from '../../domain/time/school-day.js';
import type { SchoolDaySession, SessionRepository } from '../../infra/db/session-repository.js';
import type { DeviceIdentity } from './device-tokens.js';

interface SchoolDay {
  date: string;
  startMs: number;
  endMs: number;
}

/** What a school iPad shows on its home screen: today's sessions at its school, in the school's own day. */
export class TodaySessions {
  /** The last day worked out per time zone: every poll of the day falls in it, and a zone's day is costly to work out. */
  private readonly days = new Map<string, SchoolDay>();

  constructor(
    private readonly deps: {
      /** Its sessions come with whether each is a gradual exit's final review (the students are told), in the same query. */
      sessions: Pick<SessionRepository, 'listDayForSchool'>;
      clock: Clock;
    },
  ) {}

  async forDevice(device: DeviceIdentity): Promise<TodaySessionsResponse> {
    const nowMs = this.deps.clock.now().epochMilliseconds;
    const day = this.dayAt(nowMs, device.school.timeZone);
    const records = await this.deps.sessions.listDayForSchool(device.school.id, day.startMs, day.endMs);
    return {
      school: device.school,
      device: { id: device.deviceId, label: device.label },
      date: day.date,
      sessions: records.map((r) => ({ ...toTodaySession(r, device.school.id, nowMs), ...(r.finalReview ? { finalReview: true as const } : {}) })),
    };
  }

  private dayAt(nowMs: number, timeZone: string): SchoolDay {
    const known = this.days.get(timeZone);
    if (known && nowMs >= known.startMs && nowMs < known.endMs) return known;
    // A day starts and ends on a whole second, so the millisecond of "now" is in the same day as "now" itself.
    const day = schoolDayAt(Temporal.Instant.fromEpochMilliseconds(nowMs), timeZone);
    const fresh = { date: day.date.toString(), startMs: day.start.epochMilliseconds, endMs: day.end.epochMilliseconds };
    this.days.set(timeZone, fresh);
    return fresh;
  }
}

function toTodaySession(record: SchoolDaySession, schoolId: string, nowMs: number): TodaySession {
  const [self, partner] = record.mentor.schoolId === schoolId ? [record.mentor, record.mentee] : [record.mentee, record.mentor];
  return {
    id: record.id,
    startsAt: instantText(record.startsAtMs),
    endsAt: instantText(record.endsAtMs),
    joinOpensAt: instantText(joinOpensAtMs(record.startsAtMs)),
    status: sessionStatusMs(record, nowMs),
    participant: { id: self.id, firstName: self.firstName, role: self.role },
    // Partner-school students are shown by first name, school and year only.
    partner: { firstName: partner.firstName, role: partner.role, yearGroup: partner.yearGroup, schoolName: partner.schoolName },
    // For the call: what they agreed to work on, and, on the end screen, when they meet again.
    ...(record.focus.trim() ? { focus: record.focus.trim() } : {}),
    ...(record.nextStartsAtMs !== null ? { nextStartsAt: instantText(record.nextStartsAtMs) } : {}),
  };
}
