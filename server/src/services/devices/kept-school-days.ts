import type { TodaySession } from '@peerbridge/shared';

/** A school's listed day as worked out at `fromMs`, good until its version moves or the clock reaches `untilMs`. */
export interface KeptSchoolDay {
  version: string;
  timeZone: string;
  date: string;
  fromMs: number;
  untilMs: number;
  sessions: TodaySession[];
}

/**
 * Each school's day as last listed, per server instance. Only a hint: it is used only while the school's change
 * version (read from the database on the request, before any list) is the one it was listed under, so another
 * instance's write is seen on the next request. Bounded: a deployment's schools, the least recently listed go first.
 */
export class KeptSchoolDays {
  private readonly days = new Map<string, KeptSchoolDay>();

  constructor(private readonly limit: number) {}

  /** The school's kept day if it still holds for this version, zone and instant. */
  get(schoolId: string, at: { version: string; timeZone: string; date: string; nowMs: number }): KeptSchoolDay | undefined {
    const kept = this.days.get(schoolId);
    if (!kept || kept.version !== at.version || kept.timeZone !== at.timeZone || kept.date !== at.date) return undefined;
    return at.nowMs >= kept.fromMs && at.nowMs < kept.untilMs ? kept : undefined;
  }

  set(schoolId: string, day: KeptSchoolDay): void {
    this.days.delete(schoolId);
    this.days.set(schoolId, day);
    if (this.days.size > this.limit) this.days.delete(this.days.keys().next().value!);
  }
}
