import { useStaffQuery } from '../../lib/staff/staff-query';
import { fetchSecondFactor } from './second-factor-api';

export const secondFactorKeys = {
  status: ['second-factor'] as const,
};

export const useSecondFactor = () =>
  useStaffQuery({ queryKey: secondFactorKeys.status, queryFn: ({ signal }) => fetchSecondFactor(signal) });
