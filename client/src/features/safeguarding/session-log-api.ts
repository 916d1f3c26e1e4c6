import {
  sessionLogEndpoints,
  staffSessionEndpoints,
  type ChainVerificationResponse,
  type RecordView,
  type SessionLogEntry,
  type SessionStudentView,
  type StaffSessionSummary,
} from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';
import type { DateRange } from '../../lib/school-time';

export type SessionStudent = SessionStudentView;
export type { StaffSessionSummary };
export type LogEntry = SessionLogEntry;
export type ChainVerification = ChainVerificationResponse;
export type LogView = RecordView;

export async function fetchStaffSessions(range: DateRange, signal?: AbortSignal, background = false): Promise<StaffSessionSummary[]> {
  const { sessions } = await callApi(staffSessionEndpoints.list, { query: { from: range.from, to: range.to } }, { auth: staffAuth, signal, background });
  return sessions;
}

/** Opening a log is itself recorded by the server, before it answers. */
export async function fetchSessionLog(sessionId: string, signal?: AbortSignal): Promise<LogEntry[]> {
  const { entries } = await callApi(sessionLogEndpoints.log, { params: { id: sessionId } }, { auth: staffAuth, signal });
  return entries;
}

export function verifySessionLog(sessionId: string, signal?: AbortSignal): Promise<ChainVerification> {
  return callApi(sessionLogEndpoints.verify, { params: { id: sessionId } }, { auth: staffAuth, signal });
}

export async function fetchLogViews(sessionId: string, signal?: AbortSignal): Promise<LogView[]> {
  const { views } = await callApi(sessionLogEndpoints.views, { params: { id: sessionId } }, { auth: staffAuth, signal });
  return views;
}
