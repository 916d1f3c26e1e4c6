import { z } from 'zod';
import { apiGet, staffAuth } from '../../lib/api-client';

// Not in @peerbridge/shared yet. The student may be gone (or the notice about no one), hence nullable.
export const CoordinatorNotice = z.object({
  id: z.union([z.string(), z.number()]),
  kind: z.string(),
  message: z.string(),
  studentName: z.string().nullable().optional(),
  studentSurname: z.string().nullable().optional(),
  createdAt: z.string(),
});
export type CoordinatorNotice = z.infer<typeof CoordinatorNotice>;

const NoticeList = z.object({ notices: z.array(CoordinatorNotice) });

/** Things a coordinator has to sort out, newest first (e.g. a session refused because consent is missing). */
export async function fetchNotices(signal?: AbortSignal): Promise<CoordinatorNotice[]> {
  const { notices } = await apiGet('/api/staff/notices', NoticeList, { auth: staffAuth, signal });
  return notices;
}
