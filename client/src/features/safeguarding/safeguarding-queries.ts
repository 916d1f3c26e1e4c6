import { useCallback } from 'react';
import type { DateRange } from '../../lib/school-time';
import { STAFF_REFRESH_MS, useInvalidate, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchChronology, fetchConcern, fetchConcerns, fetchConcernViews } from './concerns-api';
import { fetchLogViews, fetchSessionLog, fetchStaffSessions } from './session-log-api';

/**
 * A safety net under the live alerts: if the alerts socket is down, a new
 * concern still appears within a minute of the page being open.
 */
const QUEUE_POLL_MS = 60_000;

/**
 * Reading a session log or a concern record is recorded by the server, so
 * those keys sit apart from the lists: invalidating a list never re-reads a record.
 */
export const safeguardingKeys = {
  allSessionLists: () => ['sessions', 'list'] as const,
  sessions: (range: DateRange) => [...safeguardingKeys.allSessionLists(), range] as const,
  sessionLog: (sessionId: string) => ['sessions', 'log', sessionId] as const,
  logViews: (sessionId: string) => ['sessions', 'log-views', sessionId] as const,
  concernQueue: () => ['concerns', 'queue'] as const,
  concern: (concernId: string) => ['concerns', 'record', concernId] as const,
  concernViews: (concernId: string) => ['concerns', 'views', concernId] as const,
  chronology: (studentId: string) => ['students', 'chronology', studentId] as const,
};

/** `enabled: false` while the dates can't be asked for (the problem is explained next to them). */
export const useStaffSessions = (range: DateRange, enabled = true) =>
  useStaffQuery({
    queryKey: safeguardingKeys.sessions(range),
    queryFn: ({ signal, background }) => fetchStaffSessions(range, signal, background),
    enabled,
    pollMs: STAFF_REFRESH_MS,
    keepPrevious: true,
  });

export const useSessionLog = (sessionId: string) =>
  useStaffQuery({ queryKey: safeguardingKeys.sessionLog(sessionId), queryFn: ({ signal }) => fetchSessionLog(sessionId, signal), recordsReads: true });

export const useLogViews = (sessionId: string) =>
  useStaffQuery({ queryKey: safeguardingKeys.logViews(sessionId), queryFn: ({ signal }) => fetchLogViews(sessionId, signal) });

export const useConcernQueue = () =>
  useStaffQuery({
    queryKey: safeguardingKeys.concernQueue(),
    queryFn: ({ signal, background }) => fetchConcerns(signal, background),
    pollMs: QUEUE_POLL_MS,
  });

export const useConcern = (concernId: string) =>
  useStaffQuery({ queryKey: safeguardingKeys.concern(concernId), queryFn: ({ signal }) => fetchConcern(concernId, signal), recordsReads: true });

export const useConcernViews = (concernId: string) =>
  useStaffQuery({ queryKey: safeguardingKeys.concernViews(concernId), queryFn: ({ signal }) => fetchConcernViews(concernId, signal) });

export const useChronology = (studentId: string) =>
  useStaffQuery({ queryKey: safeguardingKeys.chronology(studentId), queryFn: ({ signal }) => fetchChronology(studentId, signal), recordsReads: true });

/**
 * An alert arrived, or a concern was raised on this page: the queue refetches
 * (as the page's own refresh, not someone using it), and so do the session
 * lists, whose "flagged" marks may have changed.
 */
export function useConcernsChanged(): () => void {
  const invalidate = useInvalidate();
  return useCallback(() => void invalidate(safeguardingKeys.concernQueue(), safeguardingKeys.allSessionLists()), [invalidate]);
}
