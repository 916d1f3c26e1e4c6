import { Temporal } from 'temporal-polyfill';
import type { TodaySession, TodaySessionsResponse } from '@peerbridge/shared';
import { joinOpensAtMs, nextStatusChangeMs, sessionStatusMs } from '../../domain/sessions/join-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { instantText } from '../../domain/time/instant-text.js';
import { schoolDayAt } from '../../domain/time/school-day.js';
import type { SchoolDaySession, SessionRepository } from '../../infra/db/session-repository.js';
import type { DeviceIdentity } from './device-tokens.js';
import { KeptSchoolDays } from './kept-school-days.js';

/** Well over a deployment's schools (the bench's network has 100); each is about 20 sessions. */
const KEPT_SCHOOL_DAYS = 2_000;

interface SchoolDay {
  date: string;
  startMs: number;
  endMs: number;
}

/** What a school iPad shows on its home screen: today's sessions at its school, in the school's own day. */
export class TodaySessions {
  /** The last day worked out per time zone: every poll of the day falls in it, and a zone's day is costly to work out. */
  private readonly days = new Map<string, SchoolDay>();
  private readonly kept = new KeptSchoolDays(KEPT_SCHOOL_DAYS);

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
    return {
      school: device.school,
      device: { id: device.deviceId, label: device.label },
      date: day.date,
      sessions: await this.sessionsOf(device, day, nowMs),
    };
  }

  /**
   * The school's sessions as the list shows them at `nowMs`: kept from an earlier poll while the school's version
   * (read with the device row, so before this list) has not moved and no status has changed since, else listed.
   */
  private async sessionsOf(device: DeviceIdentity, day: SchoolDay, nowMs: number): Promise<TodaySession[]> {
    const { id: schoolId, timeZone } = device.school;
    const version = device.schoolDayVersion;
    const at = version === undefined ? undefined : { version, timeZone, date: day.date, nowMs };
    const kept = at && this.kept.get(schoolId, at);
    if (kept) return kept.sessions;
    const records = await this.deps.sessions.listDayForSchool(schoolId, day.startMs, day.endMs);
    const sessions = records.map((r) => ({ ...toTodaySession(r, schoolId, nowMs), ...(r.finalReview ? { finalReview: true as const } : {}) }));
    if (at) {
      const untilMs = Math.min(day.endMs, nextStatusChangeMs(records, nowMs));
      this.kept.set(schoolId, { version: at.version, timeZone, date: day.date, fromMs: nowMs, untilMs, sessions });
    }
    return sessions;
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
