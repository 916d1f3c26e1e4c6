import { z } from 'zod';
import { apiGet, staffAuth } from '../../lib/api-client';

// Not in @peerbridge/shared yet: `GET /api/staff/live-sessions` (DSLs and supervisors).
export const LiveSession = z.object({
  sessionId: z.string(),
  /** Students in the call right now. */
  students: z.number().int(),
  /** Staff observing it right now. */
  observers: z.number().int(),
});
export type LiveSession = z.infer<typeof LiveSession>;

const LiveSessionList = z.object({ sessions: z.array(LiveSession) });

/** Sessions involving this school with at least one student in the call: the ones that can be observed. */
export async function fetchLiveSessions(signal?: AbortSignal, background = false): Promise<LiveSession[]> {
  const { sessions } = await apiGet('/api/staff/live-sessions', LiveSessionList, { auth: staffAuth, signal, background });
  return sessions;
}
