import { CallRejoin } from './services/calls/call-rejoin.js';
import http from 'node:http';
import { connectionDrain } from './infra/http/connection-drain.js';
import { Cleanups } from './infra/lifecycle/stop-budget.js';
import { serverVersion } from './server-version.js';
import { gracefulStop } from './server-stop.js';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import type { Express } from 'express';
import { createApp } from './app.js';
import type { CallService } from './services/calls/call-service.js';
import { createCalls } from './services/calls/create-calls.js';
import { turnIceServers } from './services/call-media/ice-servers.js';
import { NetworkProbes } from './services/network-probe/network-probes.js';
import { realTimers } from './services/calls/timers.js';
import type { Config } from './config/config.js';
import { seedDemo, type DemoManifest } from './demo/demo-data.js';
import { DeviceEnrolment } from './services/devices/device-enrolment.js';
import { DeviceTokens } from './services/devices/device-tokens.js';
import type { Clock } from './domain/time/clock.js';
import { openDatabase, type Database, type Db } from './infra/db/database.js';
import type { EmailJobs } from './services/email/create-email.js';
import { withAlertEmails } from './services/email/alert-email-sink.js';
import { DeviceRepository } from './infra/db/device-repository.js';
import { SessionEventRepository } from './infra/db/session-event-repository.js';
import { RecordViewRepository } from './infra/db/record-view-repository.js';
import { SessionRepository } from './infra/db/session-repository.js';
import { StaffRepository } from './infra/db/staff-repository.js';
import { StaffAuditRepository } from './infra/db/staff-audit-repository.js';
import { StaffAuditTrail } from './services/audit/staff-audit-trail.js';
import { SafeguardingKeywords } from './services/safeguarding/safeguarding-keywords.js';
import { SafeguardingKeywordRepository } from './infra/db/safeguarding-keyword-repository.js';
import { StudentRecords } from './services/students/student-records.js';
import { StudentImport } from './services/students/student-import.js';
import { CoordinatorNotices } from './services/students/coordinator-notices.js';
import { CalendarFeeds } from './services/calendar-feed/calendar-feeds.js';
import { SchoolCalendars } from './services/scheduling/school-calendars.js';
import { TodaySessions } from './services/devices/today-sessions.js';
import { NoticeRepository, type RaisedNotice } from './infra/db/notice-repository.js';
import { StudentRepository } from './infra/db/student-repository.js';
import { CallChat } from './services/calls/call-chat.js';
import { TargetsRepository } from './infra/db/targets-repository.js';
import { CallTargets } from './services/targets/call-targets.js';
import { DeviceTargets } from './services/targets/device-targets.js';
import { StaffTargets } from './services/targets/staff-targets.js';
import { ConcernService } from './services/concerns/concern-service.js';
import { ConcernRepository } from './infra/db/concern-repository.js';
import { ProgrammeSettingsRepository } from './infra/db/programme-settings-repository.js';
import { ReferralRepository } from './infra/db/referral-repository.js';
import { ReferralService } from './services/referrals/referral-service.js';
import { RetentionRepository } from './infra/db/retention-repository.js';
import { StudentImportRepository } from './infra/db/student-import-repository.js';
import { StaffImportRepository } from './infra/db/staff-import-repository.js';
import { StaffAccountsRepository } from './infra/db/staff-accounts-repository.js';
import { StaffImport } from './services/staff/staff-import.js';
import { CalendarFeedRepository } from './infra/db/calendar-feed-repository.js';
import { CalendarRepository } from './infra/db/calendar-repository.js';
import { PartnershipRepository } from './infra/db/partnership-repository.js';
import { ProgrammeReportRepository } from './infra/db/programme-report-repository.js';
import { ProgrammeReports } from './services/reports/programme-reports.js';
import { SchedulingRepository } from './infra/db/scheduling-repository.js';
import { SchedulingService } from './services/scheduling/scheduling-service.js';
import { CalendarReflow } from './services/scheduling/calendar-reflow.js';
import { ClosureUndo } from './services/scheduling/closure-undo.js';
import { CalendarChangeUnit } from './infra/db/calendar-change-unit.js';
import { ScheduleChangeNames } from './infra/db/schedule-change-names.js';
import { SeriesLifecycleRepository } from './infra/db/series-lifecycle-repository.js';
import { SeriesLifecycle } from './services/scheduling/series-lifecycle.js';
import { StudentArchive } from './services/students/student-archive.js';
import { MatchingService } from './services/scheduling/matching-service.js';
import { MatchingRepository } from './infra/db/matching-repository.js';
import { RetentionJob } from './services/retention/retention-job.js';
import { seedDemoAttendanceHistory } from './demo/demo-attendance.js';
import { composeAttendance, composeExits } from './programme-composition.js';
import { composeStaffAuth } from './staff-composition.js';
import { JoinTokens } from './services/admission/join-tokens.js';
import { StudentSignIn } from './services/students/student-sign-in.js';
import { ConsentNotices } from './services/admission/consent-notices.js';
import { loadSessionSecret } from './infra/session-secret.js';
import { loadLogSigningKeys } from './infra/signing/log-signing-keys.js';
import type { Ed25519KeyRing } from './infra/signing/ed25519-key-ring.js';
import { SessionLogEvidence } from './services/session-log/session-log-evidence.js';
import { SessionLogReader } from './services/session-log/session-log-reader.js';
import { StaffSessionList } from './services/sessions/staff-session-list.js';
import { SessionEnding } from './services/sessions/session-ending.js';
import { SchoolDevices } from './services/devices/school-devices.js';
import { Chronologies } from './services/concerns/chronology.js';
import { systemClock } from './infra/time/system-clock.js';
import { MediasoupMedia } from './media/mediasoup-media.js';
import { StaffAccounts } from './services/staff/staff-accounts.js';
import { DeploymentSetup } from './services/deployment/deployment-setup.js';
import { DeploymentRepository } from './infra/db/deployment-repository.js';
import {
  attachCallHandlers,
  createSocketServer,
  deviceRoom,
  socketEventSink,
  staffSessionsEndedSink,
} from './transport/socket/socket-server.js';

export interface RunningServer {
  url: string;
  port: number;
  /** The HTTP application, so tests can list every route it serves. */
  app: Express;
  database: Database;
  deviceTokens: DeviceTokens;
  calls: CallService;
  /** The pre-join network checks (tests check none is left open). */
  probes: NetworkProbes;
  media: MediasoupMedia;
  events: SessionEventRepository;
  /** The session-log signing keys: what tests verify evidence files against. */
  logKeys: Ed25519KeyRing;
  retention: RetentionJob;
  /** Notification email's sender and escalation sweep (undefined without SMTP_URL), for tests to drive. */
  email: Pick<EmailJobs, 'sendDue' | 'escalate' | 'emails'> | undefined;
  /** Attendance from the log: tests run its sweep on the test clock. */
  attendance: ReturnType<typeof composeAttendance>['attendance'];
  demo: DemoManifest | undefined;
  /** No deployment admin yet (and no demo data): how to make the first is printed at start-up. */
  needsFirstAdmin: boolean;
  /** Graceful stop: no new joins, everyone told and logged out, rooms closed, database closed. */
  close(): Promise<void>;
  shutdownStep(): string; // where a graceful stop has got to (logged if it runs out of time)
}

function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify({
    error: tooLarge
      ? { code: 'payload_too_large', message: 'The request address or headers are too large.' }
      : { code: 'bad_request', message: 'The request could not be read.' },
  });
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

/** The composition root: config → database → media → app → socket.io → listen. */
export async function startServer(config: Config, log: Logger, clock: Clock = systemClock): Promise<RunningServer> {
  const database = await openDatabase(config.database, (err) => log.error({ err }, 'DatabaseConnectionLost'));
  const cleanups = new Cleanups(log);
  cleanups.add('database', () => database.close(), { waitFully: true });
  try {
    log.info({ database: database.kind }, 'DatabaseReady');
    const media = await MediasoupMedia.start(
      {
        workers: config.media.workers,
        listenIp: config.media.listenIp,
        announcedAddress: config.media.announcedAddress,
        rtcPort: config.media.rtcPort,
        logLevel: config.media.logLevel,
      },
      log.child({ area: 'media' }),
    );
    cleanups.add('media', () => media.close());

    const sessions = new SessionRepository(database.db);
    const logKeys = loadLogSigningKeys(config.logSigning);
    log.info({ keyId: logKeys.keyId }, 'LogSigningKeyReady');
    const events = new SessionEventRepository(database.db, logKeys);
    const devices = new DeviceRepository(database.db);
    const secret = loadSessionSecret(config.sessionSecret, config.dataDir);
    const deviceTokens = new DeviceTokens(secret, devices, clock);
    const joinTokens = new JoinTokens(secret, clock);
    const students = new StudentRepository(database.db);
    // Notification email (SMTP_URL): notices of the emailed kinds queue their emails in their own transaction.
    // Imported only when used (as is Redis below): a server without them does not hold their modules in memory.
    const email = config.mail
      ? (await import('./services/email/create-email.js')).createEmail(config.mail, { db: database.db, clock, timers: realTimers, log: log.child({ area: 'email' }) })
      : undefined;
    if (email) cleanups.add('email', () => email.stop());
    const noticesRaised = email ? (tx: Db, raised: RaisedNotice[]) => email.emails.noticesRaised(tx, raised) : undefined;
    const noticeRepository = new NoticeRepository(database.db, noticesRaised);
    const consentNotices = new ConsentNotices(noticeRepository);
    const demo = config.demo ? await seedDemo(database.db, clock.now(), deviceTokens) : undefined;

    const httpServer = http.createServer();
    const drain = connectionDrain(httpServer);
    const io = createSocketServer(httpServer);
    if (config.redisUrl) {
      const [{ createClient }, { createAdapter }] = await Promise.all([import('redis'), import('@socket.io/redis-adapter')]);
      const pub = createClient({ url: config.redisUrl });
      const sub = pub.duplicate();
      await Promise.all([pub.connect(), sub.connect()]);
      io.adapter(createAdapter(pub, sub));
      cleanups.add('redis', () => Promise.all([pub.quit(), sub.quit()]));
      log.info('SocketRedisAdapterReady');
    }

    // Every safeguarding alert to DSLs is also emailed to them (when SMTP_URL is set).
    const sink = email ? withAlertEmails(socketEventSink(io), email.emails) : socketEventSink(io);
    const programmeSettings = new ProgrammeSettingsRepository(database.db);
    const { attendance, attendanceViews, callEvents } = composeAttendance({ db: database.db, events, settings: programmeSettings, notices: noticeRepository, clock, log });
    // The demo's weeks of history: real logs, then attendance computed from them (see demo-attendance.ts).
    if (demo) await seedDemoAttendanceHistory(database.db, events, clock.now(), demo, log.child({ area: 'demo' }));
    const { calls, live, timeline, admission, rejoinGrants, recordGapAfterStop } = createCalls({
      sessions,
      events: callEvents,
      media,
      clock,
      log: log.child({ area: 'calls' }),
      sink,
      iceServers: (who) => turnIceServers(config.turn, who, Math.floor(clock.now().epochMilliseconds / 1000)),
      joinTokens,
      notices: consentNotices,
    });
    const staffRecords = new StaffRepository(database.db);
    const calendars = new CalendarRepository(database.db);
    const scheduling = new SchedulingRepository(database.db);
    const lifecycle = new SeriesLifecycleRepository(database.db, noticesRaised);
    const matching = new MatchingRepository(database.db);
    const partnerships = new PartnershipRepository(database.db);
    const staffSessions = { sessions: config.staffSessions, ended: staffSessionsEndedSink(io) };
    const { staffAuth, secondFactor } = composeStaffAuth({ db: database.db, staff: staffRecords, secret, ...staffSessions, clock, log });
    const views = new RecordViewRepository(database.db);
    const audit = new StaffAuditTrail({ audit: new StaffAuditRepository(database.db), clock });
    const reflowDeps = { unit: new CalendarChangeUnit(database.db), partnerships, clock, audit };
    const seriesLifecycle = new SeriesLifecycle({ calendars, scheduling, lifecycle, clock, audit });
    const signIn = new StudentSignIn({ admission, students, joinTokens, clock });
    const { pairingExits, exitQuestionnaires } = composeExits(
      { db: database.db, lifecycle, series: seriesLifecycle, settings: programmeSettings, staff: staffRecords, audit, signIn, secret, sink, clock, log },
      { sweep: config.backgroundJobs, cleanups },
    );
    const studentImports = new StudentImportRepository(database.db);
    const staffImports = new StaffImportRepository(database.db);
    const deployment = new DeploymentRepository(database.db);
    const studentRecords = new StudentRecords({ students, imports: studentImports, notices: noticeRepository, audit, clock });
    const staffAccounts = new StaffAccounts({
      staff: staffRecords,
      accounts: new StaffAccountsRepository(database.db),
      staffAuth,
      audit,
      clock,
      log: log.child({ area: 'staff-accounts' }),
      setupCodeEmails: email?.emails,
    });
    const chat = new CallChat({ live, timeline, sink, clock, log: log.child({ area: 'chat' }) });
    const targetRecords = new TargetsRepository(database.db);
    const callTargets = new CallTargets({ live, targets: targetRecords, timeline, sink, clock });
    const concerns = new ConcernService({
      concerns: new ConcernRepository(database.db),
      sessions,
      events,
      timeline,
      views,
      live,
      sink,
      clock,
      log: log.child({ area: 'concerns' }),
      audit,
      staffNames: (ids) => staffRecords.namesOf(ids),
    });
    const retention = new RetentionJob({ retention: new RetentionRepository(database.db), events, clock, log: log.child({ area: 'retention' }) });
    if (config.backgroundJobs) retention.startDaily();
    cleanups.add('retention job', () => retention.stop());
    if (config.backgroundJobs) attendance.startSweeping();
    cleanups.add('attendance sweep', () => attendance.stop());
    const probes = new NetworkProbes({
      media,
      clock,
      timers: realTimers,
      iceServers: (who) => turnIceServers(config.turn, who, Math.floor(clock.now().epochMilliseconds / 1000)),
      log: log.child({ area: 'network-probe' }),
    });
    const stopSweep = attachCallHandlers(io, {
      calls,
      chat,
      targets: callTargets,
      concerns,
      probes,
      deviceTokens,
      staffAuth,
      log: log.child({ area: 'socket' }),
      origins: { allowedOrigins: config.allowedOrigins, trustProxy: config.trustProxy },
      eventLimit: config.socketEventLimit,
      // As with HTTP answers: in tests an acknowledgement that drifts from the contract fails the test that sees it.
      checkAcks: config.env === 'test',
    });
    cleanups.add('socket sweep', stopSweep);

    const enrolment = new DeviceEnrolment(devices, deviceTokens, clock, audit);
    const app = createApp({
      log,
      clock,
      sessionLogs: new SessionLogReader({
        sessions,
        events,
        views,
        evidence: new SessionLogEvidence({ events, views, keys: logKeys, clock }),
        secondFactor,
        clock,
      }),
      sessionList: new StaffSessionList({ sessions, clock }),
      concerns,
      chronologies: new Chronologies({ students, concerns, sessions, events, clock }),
      audit,
      safeguardingKeywords: new SafeguardingKeywords({ keywords: new SafeguardingKeywordRepository(database.db), audit }),
      studentRecords,
      coordinatorNotices: new CoordinatorNotices({ notices: noticeRepository, clock }),
      referrals: new ReferralService({
        referrals: new ReferralRepository(database.db),
        studentRecords,
        concerns,
        settings: programmeSettings,
        audit,
        clock,
      }),
      studentImport: new StudentImport({ imports: studentImports, records: studentRecords, calendars }),
      staffImport: new StaffImport({ imports: staffImports, clock, audit, setupCodeEmails: email?.emails }),
      deploymentSetup: new DeploymentSetup({ deployment, accounts: staffImports, audit, clock, setupCodeEmails: email?.emails }),
      calendarFeeds: new CalendarFeeds({ feeds: new CalendarFeedRepository(database.db), staff: staffRecords, sessions, clock }),
      schoolCalendars: new SchoolCalendars({ calendars, scheduling, partnerships, students, audit, clock }),
      schedulingService: new SchedulingService({ calendars, scheduling, changeNames: new ScheduleChangeNames(database.db), clock, audit }),
      calendarReflow: new CalendarReflow(reflowDeps),
      closureUndo: new ClosureUndo(reflowDeps),
      seriesLifecycle,
      programmeReports: new ProgrammeReports({ figures: new ProgrammeReportRepository(database.db), settings: programmeSettings, clock }),
      studentArchive: new StudentArchive({ lifecycle, series: seriesLifecycle, clock, audit }),
      matchingService: new MatchingService({ matching, calendars, partnerships, audit }),
      liveSessions: (schoolId: string) => calls.liveSessionsFor(schoolId),
      attendanceViews,
      staffTargets: new StaffTargets({ targets: targetRecords, clock }),
      deviceTargets: new DeviceTargets({ targets: targetRecords, sessions, joinTokens, sink, clock, log: log.child({ area: 'targets' }) }),
      sessionEnding: new SessionEnding({ sessions, timeline, notices: noticeRepository, endCall: (id) => calls.endByStaff(id), clock }),
      deviceTokens,
      enrolment,
      schoolDevices: new SchoolDevices({
        devices,
        enrolment,
        onDeviceRevoked: async (deviceId) => {
          await calls.removeDevice(deviceId);
          io.in(deviceRoom(deviceId)).disconnectSockets(true);
        },
      }),
      staffAuth,
      secondFactor,
      staffAccounts,
      todaySessions: new TodaySessions({ sessions, clock }),
      signIn,
      pairingExits,
      exitQuestionnaires,
      rejoin: new CallRejoin({ grants: rejoinGrants, admission, joinTokens }),
      pingDatabase: () => database.ping(),
      mediaHealth: () => media.health(),
      clientDist: config.clientDist,
      // In tests every answer is parsed with its shared schema: drifting from the contract fails the test that sees it.
      contract: { checkResponses: config.env === 'test' },
      version: serverVersion(),
      trustProxy: config.trustProxy,
      allowedOrigins: config.allowedOrigins,
      production: config.env === 'production',
      apiRateLimitPerMinute: config.apiRateLimitPerMinute,
      signInAddressLimits: config.signInAddressLimits,
      calendarFeedRateLimitPerMinute: config.calendarFeedRateLimitPerMinute,
      oneTimeCodeTriesPerMinute: config.oneTimeCodeTriesPerMinute,
    });
    // Before anyone can join: calls a stopped server cut off get their drops logged (one node only, see restart-gap.ts).
    if (!config.redisUrl) await recordGapAfterStop();
    httpServer.on('request', app);
    // Requests Node refuses before express sees them (oversized headers or URL, broken HTTP) still answer in our vocabulary.
    httpServer.on('clientError', (err: NodeJS.ErrnoException, socket) => answerClientError(err, socket));
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
    log.info({ url }, 'ServerListening');
    const needsFirstAdmin = !demo && !(await deployment.hasAdmin());
    // Never a default account: whoever runs the server makes the first admin, who gets a one-time code.
    if (needsFirstAdmin) log.warn({ command: 'npm run create-admin -w @peerbridge/server -- --email … --name …' }, 'NoDeploymentAdmin');

    const stop = gracefulStop({ log, calls, io, drain, cleanups });

    return { url, port, app, database, deviceTokens, calls, probes, media, events, logKeys, retention, email, attendance, demo, needsFirstAdmin, close: stop.close, shutdownStep: stop.step };
  } catch (error) {
    await cleanups.runAll();
    throw error;
  }
}
