import { useStaffQuery } from '../../lib/staff/staff-query';
import { fetchLiveSessions } from './live-sessions-api';

/** Often enough that a session someone just joined shows up before anyone wonders where it is. */
const POLL_MS = 10_000;

export const observeKeys = {
  all: ['observe'] as const,
  live: () => [...observeKeys.all, 'live'] as const,
};

/** The sessions happening now; `polling` is off while watching one (the watch view has the live picture). */
export const useLiveSessions = (polling: boolean) =>
  useStaffQuery({
    queryKey: observeKeys.live(),
    queryFn: ({ signal, background }) => fetchLiveSessions(signal, background),
    pollMs: polling ? POLL_MS : false,
  });
