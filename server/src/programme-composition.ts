import type { Logger } from 'pino';
import type { Clock } from './domain/time/clock.js';
import { AttendanceRepository } from './infra/db/attendance-repository.js';
import type { Db } from './infra/db/database.js';
import { ExitsRepository } from './infra/db/exits-repository.js';
import type { NoticeRepository } from './infra/db/notice-repository.js';
import type { ProgrammeSettingsRepository } from './infra/db/programme-settings-repository.js';
import { SafeguardingKeywordRepository } from './infra/db/safeguarding-keyword-repository.js';
import type { SeriesLifecycleRepository } from './infra/db/series-lifecycle-repository.js';
import type { SessionEventRepository } from './infra/db/session-event-repository.js';
import type { StaffRepository } from './infra/db/staff-repository.js';
import { AttendanceRecorder } from './services/attendance/attendance-recorder.js';
import { AttendanceViews } from './services/attendance/attendance-views.js';
import type { StaffAuditTrail } from './services/audit/staff-audit-trail.js';
import type { CallsDeps } from './services/calls/create-calls.js';
import { ExitQuestionnaires } from './services/exits/exit-questionnaires.js';
import { ExitTokens } from './services/exits/exit-tokens.js';
import { PairingExits } from './services/exits/pairing-exits.js';
import type { RealtimeSink } from './services/notifications/realtime-sink.js';
import type { SeriesLifecycle } from './services/scheduling/series-lifecycle.js';
import type { StudentSignIn } from './services/students/student-sign-in.js';
import type { Cleanups } from './infra/lifecycle/stop-budget.js';

/*
 * The mentoring programme's part of the composition root (server.ts): attendance, which listens to the
 * session log, and exits, which end pairings through the series lifecycle.
 */

/** Attendance, and the session log writer the calls use: once a session's end is on its log, its attendance is computed. */
export function composeAttendance(deps: {
  db: Db;
  events: SessionEventRepository;
  settings: ProgrammeSettingsRepository;
  notices: NoticeRepository;
  clock: Clock;
  log: Logger;
}) {
  const { db, events, settings, notices, clock } = deps;
  const records = new AttendanceRepository(db);
  const attendance = new AttendanceRecorder({ attendance: records, events, settings, notices, clock, log: deps.log.child({ area: 'attendance' }) });
  const callEvents: CallsDeps['events'] = {
    append: async (event) => {
      const entry = await events.append(event);
      if (event.type === 'SessionEnded') attendance.sessionEnded(event.occurrenceId);
      return entry;
    },
    checkpoint: (...args) => events.checkpoint(...args),
    list: (id) => events.list(id),
    sessionsWithEntriesSince: (since) => events.sessionsWithEntriesSince(since),
  };
  return { attendance, attendanceViews: new AttendanceViews({ attendance: records, clock }), callEvents };
}

/** Exits and the exit questionnaire; with `sweep`, gradual exits end once their final review is over. */
export function composeExits(
  deps: {
    db: Db;
    lifecycle: SeriesLifecycleRepository;
    series: SeriesLifecycle;
    settings: ProgrammeSettingsRepository;
    staff: StaffRepository;
    audit: StaffAuditTrail;
    signIn: StudentSignIn;
    secret: string;
    sink: RealtimeSink;
    clock: Clock;
    log: Logger;
  },
  options: { sweep: boolean; cleanups: Cleanups },
) {
  const { db, lifecycle, series, settings, staff, audit, signIn, sink, clock } = deps;
  const exits = new ExitsRepository(db);
  const pairingExits = new PairingExits({ exits, lifecycle, series, settings, staff, audit, clock });
  const exitQuestionnaires = new ExitQuestionnaires({
    exits,
    settings,
    keywords: new SafeguardingKeywordRepository(db),
    signIn,
    tokens: new ExitTokens(deps.secret, clock),
    sink,
    pairingExits,
    clock,
  });
  // Reading exits also finishes any that are due; the sweep catches those nobody reads.
  if (options.sweep) {
    const exitSweep = setInterval(() => void pairingExits.finishDue().catch((err: unknown) => deps.log.error({ err }, 'ExitSweepFailed')), 60_000);
    exitSweep.unref();
    options.cleanups.add('exit sweep', () => clearInterval(exitSweep));
  }
  return { pairingExits, exitQuestionnaires };
}
