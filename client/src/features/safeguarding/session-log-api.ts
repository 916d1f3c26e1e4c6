import { ChainVerificationResponse, SessionLogEntry } from '@peerbridge/shared';
import { z } from 'zod';
import { apiGet, staffAuth } from '../../lib/api-client';
import type { DateRange } from '../../lib/school-time';

/*
 * Only the log entry and the verification answer are in @peerbridge/shared;
 * the list, log and views envelopes are described here from the staff API
 * contract until they move there.
 */
const SessionStudent = z.object({
  /** Not sent today; when it is, log entries can name students instead of saying "a student". */
  id: z.string().optional(),
  firstName: z.string(),
  /** Only for the viewer's own school's students: a partner school's student is first name, school and year. */
  lastName: z.string().optional(),
  yearGroup: z.number().int(),
  schoolName: z.string(),
});
export type SessionStudent = z.infer<typeof SessionStudent>;

export const StaffSessionSummary = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  mentor: SessionStudent,
  mentee: SessionStudent,
  eventCount: z.number().int(),
  /** A concern was raised or a chat message matched the safeguarding list. */
  flagged: z.boolean().default(false),
});
export type StaffSessionSummary = z.infer<typeof StaffSessionSummary>;

const SessionList = z.object({ sessions: z.array(StaffSessionSummary) });
const SessionLog = z.object({ entries: z.array(SessionLogEntry) });
export type LogEntry = z.infer<typeof SessionLogEntry>;
export type ChainVerification = z.infer<typeof ChainVerificationResponse>;

export const LogView = z.object({ staffId: z.string(), fullName: z.string(), at: z.string() });
export type LogView = z.infer<typeof LogView>;
const LogViews = z.object({ views: z.array(LogView) });

const sessionPath = (sessionId: string) => `/api/staff/sessions/${encodeURIComponent(sessionId)}`;

export async function fetchStaffSessions(range: DateRange, signal?: AbortSignal): Promise<StaffSessionSummary[]> {
  const query = new URLSearchParams({ from: range.from, to: range.to });
  const { sessions } = await apiGet(`/api/staff/sessions?${query}`, SessionList, { auth: staffAuth, signal });
  return sessions;
}

/** Opening a log is itself recorded by the server, before it answers. */
export async function fetchSessionLog(sessionId: string, signal?: AbortSignal): Promise<LogEntry[]> {
  const { entries } = await apiGet(`${sessionPath(sessionId)}/log`, SessionLog, { auth: staffAuth, signal });
  return entries;
}

export function verifySessionLog(sessionId: string, signal?: AbortSignal): Promise<ChainVerification> {
  return apiGet(`${sessionPath(sessionId)}/log/verify`, ChainVerificationResponse, { auth: staffAuth, signal });
}

export async function fetchLogViews(sessionId: string, signal?: AbortSignal): Promise<LogView[]> {
  const { views } = await apiGet(`${sessionPath(sessionId)}/log/views`, LogViews, { auth: staffAuth, signal });
  return views;
}
