import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchDeploymentOverview } from './deployment-api';

export const deploymentKeys = {
  all: ['deployment'] as const,
};

export const useDeploymentOverview = () => useStaffQuery({ queryKey: deploymentKeys.all, queryFn: ({ signal, background }) => fetchDeploymentOverview(signal, background), pollMs: STAFF_REFRESH_MS });
