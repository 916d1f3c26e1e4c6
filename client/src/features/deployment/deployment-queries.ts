import { useStaffQuery } from '../../lib/staff/staff-query';
import { fetchDeploymentOverview } from './deployment-api';

export const deploymentKeys = {
  all: ['deployment'] as const,
};

export const useDeploymentOverview = () => useStaffQuery({ queryKey: deploymentKeys.all, queryFn: ({ signal }) => fetchDeploymentOverview(signal) });
