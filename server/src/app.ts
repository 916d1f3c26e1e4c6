import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express, { type Express } from 'express';
import compression from 'compression';
import { clientAssetRoutes } from './transport/http/client-assets.js';
import { pinoHttp } from 'pino-http';
import { requestLogging } from './transport/http/request-log-level.js';
import { COMPRESS_FROM_BYTES } from './transport/http/json-answer.js';
import type { Logger } from 'pino';
import type { DeviceEnrolment } from './services/devices/device-enrolment.js';
import type { DeviceTokens } from './services/devices/device-tokens.js';
import type { Clock } from './domain/time/clock.js';
import type { SchoolDevices } from './services/devices/school-devices.js';
import type { SessionLogReader } from './services/session-log/session-log-reader.js';
import type { StaffSessionList } from './services/sessions/staff-session-list.js';
import type { Chronologies } from './services/concerns/chronology.js';
import type { StaffAuth } from './services/staff/staff-auth.js';
import type { SecondFactor } from './services/staff/second-factor.js';
import type { StaffAccounts } from './services/staff/staff-accounts.js';
import { staffSecondFactorRoutes } from './transport/http/staff-second-factor.routes.js';
import { staffAccountRoutes } from './transport/http/staff-accounts.routes.js';
import type { StudentSignIn } from './services/students/student-sign-in.js';
import type { ConcernService } from './services/concerns/concern-service.js';
import type { StaffAuditTrail } from './services/audit/staff-audit-trail.js';
import type { StudentRecords } from './services/students/student-records.js';
import { staffAuditRoutes } from './transport/http/staff-audit.routes.js';
import { staffKeywordRoutes } from './transport/http/staff-keywords.routes.js';
import type { SafeguardingKeywords } from './services/safeguarding/safeguarding-keywords.js';
import { staffConcernRoutes } from './transport/http/staff-concerns.routes.js';
import { staffImportRoutes } from './transport/http/staff-import.routes.js';
import type { StaffImport } from './services/staff/staff-import.js';
import type { StudentImport } from './services/students/student-import.js';
import type { CoordinatorNotices } from './services/students/coordinator-notices.js';
import type { CalendarFeeds } from './services/calendar-feed/calendar-feeds.js';
import type { SchoolCalendars } from './services/scheduling/school-calendars.js';
import type { TodaySessions } from './services/devices/today-sessions.js';
import { staffCalendarRoutes } from './transport/http/staff-calendar.routes.js';
import { staffSchedulingRoutes } from './transport/http/staff-scheduling.routes.js';
import type { SchedulingService } from './services/scheduling/scheduling-service.js';
import type { CalendarReflow } from './services/scheduling/calendar-reflow.js';
import type { ClosureUndo } from './services/scheduling/closure-undo.js';
import type { SeriesLifecycle } from './services/scheduling/series-lifecycle.js';
import type { StudentArchive } from './services/students/student-archive.js';
import { staffSeriesLifecycleRoutes } from './transport/http/staff-series-lifecycle.routes.js';
import type { MatchingService } from './services/scheduling/matching-service.js';
import { staffMatchingRoutes } from './transport/http/staff-matching.routes.js';
import { publicCalendarFeedRoutes, staffCalendarFeedRoutes } from './transport/http/calendar-feed.routes.js';
import { liveSessionRoutes } from './transport/http/staff-live.routes.js';
import { staffStudentRoutes } from './transport/http/staff-students.routes.js';
import { staffReferralRoutes } from './transport/http/staff-referrals.routes.js';
import type { ReferralService } from './services/referrals/referral-service.js';
import { studentSignInRoutes } from './transport/http/student-sign-in.routes.js';
import type { CallRejoin } from './services/calls/call-rejoin.js';
import type { MediaHealth } from './media/media-port.js';
import { deviceEnrolmentRoutes } from './transport/http/device-enrolment.routes.js';
import { deviceRoutes } from './transport/http/device.routes.js';
import { deviceExitRoutes } from './transport/http/device-exits.routes.js';
import { staffExitRoutes } from './transport/http/staff-exits.routes.js';
import type { PairingExits } from './services/exits/pairing-exits.js';
import type { ExitQuestionnaires } from './services/exits/exit-questionnaires.js';
import { errorHandler, notFoundHandler } from './transport/http/error-handler.js';
import { healthRoutes } from './transport/http/health.routes.js';
import { docsRoutes } from './transport/http/docs.routes.js';
import type { ContractOptions } from './transport/http/endpoint-router.js';
import { perMinuteLimit } from './transport/http/rate-limits.js';
import { requireSameOrigin } from './transport/http/same-origin.js';
import { noStore, securityHeaders } from './transport/http/security-headers.js';
import { staffDeviceRoutes } from './transport/http/staff-devices.routes.js';
import { staffSessionLogRoutes } from './transport/http/staff-session-logs.routes.js';
import { staffSessionListRoutes } from './transport/http/staff-sessions.routes.js';
import { requireStaff } from './transport/http/staff-session.js';
import { staffRoutes } from './transport/http/staff.routes.js';
import { staffDeploymentRoutes } from './transport/http/staff-deployment.routes.js';
import { staffReportRoutes } from './transport/http/staff-reports.routes.js';
import type { ProgrammeReports } from './services/reports/programme-reports.js';
import type { DeploymentSetup } from './services/deployment/deployment-setup.js';
import type { SessionEnding } from './services/sessions/session-ending.js';
import type { AttendanceViews } from './services/attendance/attendance-views.js';
import { staffAttendanceRoutes } from './transport/http/staff-attendance.routes.js';
import type { DeviceTargets } from './services/targets/device-targets.js';
import type { StaffTargets } from './services/targets/staff-targets.js';
import { deviceTargetRoutes, staffTargetRoutes } from './transport/http/targets.routes.js';

export interface AppDeps {
  log: Logger;
  clock: Clock;
  /** Session logs for safeguarding leads: reading, verifying, evidence files. */
  sessionLogs: SessionLogReader;
  /** The sessions staff list by date. */
  sessionList: StaffSessionList;
  /** A coordinator's school's iPads. */
  schoolDevices: SchoolDevices;
  deviceTokens: DeviceTokens;
  enrolment: DeviceEnrolment;
  staffAuth: StaffAuth;
  secondFactor: SecondFactor;
  staffAccounts: StaffAccounts;
  todaySessions: TodaySessions;
  signIn: StudentSignIn;
  rejoin: CallRejoin;
  concerns: ConcernService;
  chronologies: Chronologies;
  audit: StaffAuditTrail;
  /** Each school's DSLs' own safeguarding keyword list for chat. */
  safeguardingKeywords: SafeguardingKeywords;
  studentRecords: StudentRecords;
  coordinatorNotices: CoordinatorNotices;
  /** The referral queue, mentor applications and programme settings. */
  referrals: ReferralService;
  studentImport: StudentImport;
  staffImport: StaffImport;
  calendarFeeds: CalendarFeeds;
  schoolCalendars: SchoolCalendars;
  matchingService: MatchingService;
  schedulingService: SchedulingService;
  /** Calendar changes and the re-flow of the sessions they affect (with dry-run previews). */
  calendarReflow: CalendarReflow;
  closureUndo: ClosureUndo;
  /** Cancelling, moving and ending sessions, unpairing, and archiving a leaver. */
  seriesLifecycle: SeriesLifecycle;
  studentArchive: StudentArchive;
  /** Ending pairings (planned, early, gradual) and the exit questionnaire, for coordinators and on the iPad. */
  pairingExits: PairingExits;
  exitQuestionnaires: ExitQuestionnaires;
  /** The deployment admin's schools, partnerships and first staff. */
  deploymentSetup: DeploymentSetup;
  /** Live sessions involving a school's students, for staff who may observe. */
  liveSessions: (schoolId: string) => { sessionId: string; students: number; observers: number }[];
  /** An observer ending a session early, for everyone. */
  sessionEnding: SessionEnding;
  /** Programme reports for coordinators (their school, their partnerships). */
  programmeReports: ProgrammeReports;
  /** Attendance computed from the session log, and who is being mentored. */
  attendanceViews: AttendanceViews;
  /** Targets and session notes: staff's overview and seeding, the student's own view and the mentor's note. */
  staffTargets: StaffTargets;
  deviceTargets: DeviceTargets;
  pingDatabase: () => Promise<void>;
  mediaHealth: () => MediaHealth;
  /** Built tablet client to serve at `/`, when present. */
  clientDist?: string | undefined;
  trustProxy?: boolean;
  /** Origins besides the request's own that may send state-changing staff requests (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** Requests per minute per address to /api (API_RATE_LIMIT). */
  apiRateLimitPerMinute: number;
  /** Failed sign-ins per minute per address (a school shares one). */
  signInAddressLimits: { staffPerMinute: number; studentPerMinute: number };
  /** Requests per minute per address to the calendar feeds (CALENDAR_FEED_RATE_LIMIT). */
  calendarFeedRateLimitPerMinute: number;
  /** Tries per minute per address at one-time codes (ONE_TIME_CODE_ADDRESS_LIMIT). */
  oneTimeCodeTriesPerMinute: number;
  /** How answers are held to the shared contract (checked in tests). */
  contract?: ContractOptions;
  /** The server's version, for the API reference. */
  version?: string;
  /** Behind TLS in production: HSTS and upgrading requests make sense only there. */
  production?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9-]{8,64}$/;
const SERVER_TIME_HEADER = 'x-server-time';

/** Builds the HTTP application without listening, so tests drive it directly. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  // An ETag of each JSON answer's body, and 304 to a matching If-None-Match: the iPads' 30-second poll of an unchanged day sends no list.
  app.set('etag', 'weak');
  if (deps.trustProxy) app.set('trust proxy', 1);

  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      ...requestLogging(deps.log),
    }),
  );
  app.use(securityHeaders({ production: deps.production === true }));
  app.use(['/api', '/calendar'], noStore);
  // Answers over a kilobyte go compressed (lists of sessions, students, logs); small ones are not worth the CPU. JSON
  // up to 64 KB arrives already compressed by json-answer.ts, which the middleware passes on as it is.
  app.use(['/api', '/calendar'], compression({ threshold: COMPRESS_FROM_BYTES }));
  // The server's clock decides what is open; screens label "today" and "come back at 09:30" by it, not by the iPad's.
  app.use('/api', (_req, res, next) => {
    res.setHeader(SERVER_TIME_HEADER, deps.clock.now().toString());
    next();
  });
  // Before any body is read: a forged request is refused whatever it carries.
  app.use(requireSameOrigin(deps.allowedOrigins ?? []));
  app.use(express.json({ limit: '64kb' }));

  app.use(healthRoutes(deps));
  app.use('/api', perMinuteLimit(deps.apiRateLimitPerMinute, 'Too many requests. Please wait a minute and try again.'));
  app.use('/api', docsRoutes({ version: deps.version ?? '0.0.0', ...(deps.contract ? { contract: deps.contract } : {}) }));
  app.use(
    '/api/device',
    deviceEnrolmentRoutes(deps),
    studentSignInRoutes({ ...deps, studentSignInAddressLimitPerMinute: deps.signInAddressLimits.studentPerMinute }),
    deviceRoutes(deps),
    deviceExitRoutes({ ...deps, studentPinLimitPerMinute: deps.signInAddressLimits.studentPerMinute }),
    deviceTargetRoutes(deps),
  );
  app.use(
    '/api/staff',
    staffRoutes({
      staffAuth: deps.staffAuth,
      staffImport: deps.staffImport,
      secureCookies: deps.production === true,
      signInAddressLimitPerMinute: deps.signInAddressLimits.staffPerMinute,
      oneTimeCodeTriesPerMinute: deps.oneTimeCodeTriesPerMinute,
      ...(deps.contract ? { contract: deps.contract } : {}),
    }),
  );
  const staffOnly = requireStaff(deps.staffAuth);
  app.use('/api/staff/devices', staffOnly, staffDeviceRoutes(deps));
  app.use('/api/staff/sessions', staffOnly, staffSessionListRoutes(deps), staffSessionLogRoutes(deps));
  app.use(
    '/api/staff',
    staffOnly,
    staffSecondFactorRoutes({
      secondFactor: deps.secondFactor,
      codeGuessLimitPerMinute: deps.signInAddressLimits.staffPerMinute,
      ...(deps.contract ? { contract: deps.contract } : {}),
    }),
    staffAccountRoutes(deps),
    staffStudentRoutes(deps),
    staffConcernRoutes(deps),
    liveSessionRoutes(deps),
    staffImportRoutes(deps),
    staffCalendarFeedRoutes(deps),
    staffCalendarRoutes(deps),
    staffSchedulingRoutes(deps),
    staffSeriesLifecycleRoutes(deps),
    staffExitRoutes(deps),
    staffMatchingRoutes(deps),
    staffAuditRoutes(deps),
    staffKeywordRoutes(deps),
    staffDeploymentRoutes(deps),
    staffReportRoutes(deps),
    staffReferralRoutes(deps),
    staffAttendanceRoutes(deps),
    staffTargetRoutes(deps),
  );
  app.use('/calendar', perMinuteLimit(deps.calendarFeedRateLimitPerMinute, 'Too many calendar requests. Please wait a minute.'));
  app.use(publicCalendarFeedRoutes(deps));
  app.use('/api', notFoundHandler);

  if (deps.clientDist && fs.existsSync(path.join(deps.clientDist, 'index.html'))) {
    app.use(clientAssetRoutes(deps.clientDist));
  }

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
