import type { Endpoint } from './endpoint.js';
import { calendarEndpoints } from './calendar.js';
import { calendarFeedEndpoints } from './calendar-feed.js';
import { deviceSessionEndpoints } from './device-sessions.js';
import { docsEndpoints } from './docs.js';
import { healthEndpoints } from './health.js';
import { importEndpoints } from './imports.js';
import { matchingEndpoints } from './matching.js';
import { schedulingEndpoints } from './scheduling.js';
import { seriesLifecycleEndpoints } from './series-lifecycle.js';
import { studentEndpoints } from './students.js';
import { staffSignInEndpoints } from './staff-sign-in.js';
import { staffAccountEndpoints } from './staff-account.js';
import { staffAccountsEndpoints } from './staff-accounts.js';
import { staffAuditEndpoints } from './staff-audit.js';
import { deviceEndpoints } from './devices.js';
import { concernEndpoints } from './concerns.js';
import { sessionLogEndpoints } from './session-logs.js';
import { staffSessionEndpoints } from './staff-sessions.js';
import { deploymentEndpoints } from './deployment.js';
import { safeguardingKeywordEndpoints } from './safeguarding-keywords.js';
import { programmeReportEndpoints } from './programme-reports.js';
import { exitEndpoints } from './exits.js';
import { referralEndpoints } from './referrals.js';
import { attendanceEndpoints } from './attendance.js';
import { targetEndpoints } from './targets.js';

/**
 * Every endpoint the server serves, by area. The server's tests fail when it
 * serves a route missing here, and the OpenAPI document is generated from it.
 */
export const endpointGroups: Record<string, Record<string, Endpoint>> = {
  health: healthEndpoints,
  reference: docsEndpoints,
  device: deviceSessionEndpoints,
  students: studentEndpoints,
  imports: importEndpoints,
  calendar: calendarEndpoints,
  calendarFeed: calendarFeedEndpoints,
  scheduling: schedulingEndpoints,
  seriesLifecycle: seriesLifecycleEndpoints,
  matching: matchingEndpoints,
  staffSignIn: staffSignInEndpoints,
  staffAccount: staffAccountEndpoints,
  staffAccounts: staffAccountsEndpoints,
  staffAudit: staffAuditEndpoints,
  devices: deviceEndpoints,
  concerns: concernEndpoints,
  sessionLogs: sessionLogEndpoints,
  staffSessions: staffSessionEndpoints,
  deployment: deploymentEndpoints,
  safeguardingKeywords: safeguardingKeywordEndpoints,
  programmeReports: programmeReportEndpoints,
  exits: exitEndpoints,
  referrals: referralEndpoints,
  attendance: attendanceEndpoints,
  targets: targetEndpoints,
};

export const allEndpoints: readonly Endpoint[] = Object.values(endpointGroups).flatMap((group) => Object.values(group));
