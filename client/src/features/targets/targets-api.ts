import { targetEndpoints, type NewTarget, type TargetsOverviewResponse, type TargetView } from '@peerbridge/shared';
import type { z } from 'zod';
import { callApi, staffAuth } from '../../lib/api-client';
import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';

export const targetKeys = { overview: () => ['targets', 'overview'] as const };

export function fetchTargetsOverview(signal?: AbortSignal, background = false): Promise<TargetsOverviewResponse> {
  return callApi(targetEndpoints.overview, {}, { auth: staffAuth, signal, background });
}

export async function seedTarget(pairingId: string, target: z.input<typeof NewTarget>): Promise<TargetView> {
  const { target: seeded } = await callApi(targetEndpoints.seedTarget, { params: { id: pairingId }, body: target }, { auth: staffAuth });
  return seeded;
}

export const useTargetsOverview = () =>
  useStaffQuery({ queryKey: targetKeys.overview(), queryFn: ({ signal, background }) => fetchTargetsOverview(signal, background), pollMs: STAFF_REFRESH_MS });
