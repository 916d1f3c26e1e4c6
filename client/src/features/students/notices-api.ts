import { studentEndpoints, type CoordinatorNotice } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export type { CoordinatorNotice } from '@peerbridge/shared';

/** Things a coordinator has to sort out, newest first (e.g. a session refused because consent is missing). */
export async function fetchNotices(signal?: AbortSignal, background = false): Promise<CoordinatorNotice[]> {
  const { notices } = await callApi(studentEndpoints.notices, {}, { auth: staffAuth, signal, background });
  return notices;
}
