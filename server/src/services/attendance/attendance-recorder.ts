import type { Logger } from 'pino';
import { Temporal } from 'temporal-polyfill';
import { absenceRunsReached, closureWindows, computeAttendance, type AttendanceResult } from '../../domain/attendance/attendance-rules.js';
import { repeatedAbsenceMessage } from '../../domain/attendance/attendance-words.js';
import type { Closure } from '../../domain/scheduling/calendar.js';
import type { Clock } from '../../domain/time/clock.js';
import type { AttendanceRepository, AttendanceStudent, OccurrenceToCompute } from '../../infra/db/attendance-repository.js';
import type { NoticeRepository } from '../../infra/db/notice-repository.js';
import type { ProgrammeSettingsRepository } from '../../infra/db/programme-settings-repository.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';
import { KeyedQueue } from '../calls/keyed-queue.js';

/** After its end time an occurrence waits this long before the sweep computes it (a join a moment late, a clock a little off). */
export const ATTENDANCE_GRACE = Temporal.Duration.from({ minutes: 2 });
/** How often the sweep looks for occurrences that are over and not yet computed. */
export const ATTENDANCE_SWEEP_MS = 60_000;
/** At most this many occurrences a sweep (a server back after days off catches up over a few minutes). */
const SWEEP_BATCH = 200;

export interface AttendanceRecorderDeps {
  attendance: Pick<AttendanceRepository, 'occurrence' | 'closuresOn' | 'store' | 'historyOf' | 'uncomputed'>;
  events: Pick<SessionEventRepository, 'list'>;
  settings: Pick<ProgrammeSettingsRepository, 'forSchools'>;
  notices: Pick<NoticeRepository, 'raise'>;
  clock: Clock;
  log: Logger;
}

/**
 * Computes and stores each occurrence's attendance once it is over: right after its session ends
 * (the log is sealed then) and by a periodic sweep for occurrences nobody joined. Idempotent: the
 * record is replaced, and a repeated-absence notice is raised once per run (the notice is unique per
 * occurrence, student and kind).
 */
export class AttendanceRecorder {
  /** A session ending and a sweep computing the same occurrence at once: one after the other. */
  private readonly queue = new KeyedQueue();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: AttendanceRecorderDeps) {}

  compute(occurrenceId: string): Promise<AttendanceResult | undefined> {
    return this.queue.run(occurrenceId, () => this.computeOnce(occurrenceId));
  }

  /** The session's log is complete (SessionEnded written): compute now, off the caller's path. */
  sessionEnded(occurrenceId: string): void {
    this.compute(occurrenceId).catch((err: unknown) => this.deps.log.error({ err, occurrenceId }, 'AttendanceNotComputed'));
  }

  /** Every occurrence over (plus the grace) that has no attendance yet; answers how many were computed. */
  async sweep(): Promise<number> {
    const due = await this.deps.attendance.uncomputed(this.deps.clock.now().subtract(ATTENDANCE_GRACE), SWEEP_BATCH);
    let computed = 0;
    for (const id of due) {
      try {
        if (await this.compute(id)) computed++;
      } catch (err) {
        this.deps.log.error({ err, occurrenceId: id }, 'AttendanceNotComputed');
      }
    }
    if (computed > 0) this.deps.log.info({ computed }, 'AttendanceComputed');
    return computed;
  }

  startSweeping(): void {
    const tick = () => void this.sweep().catch((err: unknown) => this.deps.log.error({ err }, 'AttendanceSweepFailed'));
    this.timer = setInterval(tick, ATTENDANCE_SWEEP_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async computeOnce(occurrenceId: string): Promise<AttendanceResult | undefined> {
    const occurrence = await this.deps.attendance.occurrence(occurrenceId);
    if (!occurrence) return undefined;
    const now = this.deps.clock.now();
    const settings = await this.deps.settings.forSchools([occurrence.mentor.schoolId, occurrence.mentee.schoolId]);
    const entries = (await this.deps.events.list(occurrenceId)).map((e) => ({ type: e.type, at: Temporal.Instant.from(e.at), actor: e.actor, detail: e.detail }));
    const closures = [
      ...(await this.closuresAround(occurrence, occurrence.mentor)),
      ...(await this.closuresAround(occurrence, occurrence.mentee)),
    ];
    const result = computeAttendance({
      occurrence,
      mentorId: occurrence.mentor.id,
      menteeId: occurrence.mentee.id,
      entries,
      closures,
      lateAfterMinutes: {
        mentor: settings.get(occurrence.mentor.schoolId)!.lateAfterMinutes,
        mentee: settings.get(occurrence.mentee.schoolId)!.lateAfterMinutes,
      },
    });
    await this.deps.attendance.store(
      { occurrenceId, pairingId: occurrence.pairingId, startsAt: occurrence.startsAt, outcome: result.outcome, mentor: result.mentor, mentee: result.mentee, detail: { ...result.detail } },
      now,
    );
    for (const [student, partner] of [
      [occurrence.mentor, occurrence.mentee],
      [occurrence.mentee, occurrence.mentor],
    ] as const) {
      await this.noticeRepeatedAbsence(student, partner, settings.get(student.schoolId)!.absenceNoticeAfter);
    }
    return result;
  }

  /** The school's closures on the local dates the occurrence touches, as instants in its zone. */
  private async closuresAround(occurrence: OccurrenceToCompute, student: AttendanceStudent) {
    const zone = student.schoolTimeZone;
    const dates = [...new Set([occurrence.startsAt, occurrence.endsAt].map((i) => i.toZonedDateTimeISO(zone).toPlainDate().toString()))];
    const rows = await this.deps.attendance.closuresOn(student.schoolId, dates);
    const closures: Closure[] = rows.map((r) => ({
      date: Temporal.PlainDate.from(r.date),
      ...(r.fromTime ? { from: Temporal.PlainTime.from(r.fromTime) } : {}),
      ...(r.toTime ? { to: Temporal.PlainTime.from(r.toTime) } : {}),
      reason: r.reason,
    }));
    return closureWindows(closures, zone);
  }

  /** One notice to the student's own school's coordinator for each run of absences that reached the school's number. */
  private async noticeRepeatedAbsence(student: AttendanceStudent, partner: AttendanceStudent, after: number): Promise<void> {
    if (after <= 0) return;
    const history = await this.deps.attendance.historyOf(student.id);
    const startOf = new Map(history.map((h) => [h.occurrenceId, h.startsAt]));
    for (const run of absenceRunsReached(history, after)) {
      await this.deps.notices.raise({
        kind: 'repeated_absence',
        schoolId: student.schoolId,
        studentId: student.id,
        occurrenceId: run.reachedAt,
        message: repeatedAbsenceMessage({
          student,
          partner,
          missed: run.missed.map((id) => startOf.get(id)!),
          timeZone: student.schoolTimeZone,
        }),
      });
    }
  }
}
