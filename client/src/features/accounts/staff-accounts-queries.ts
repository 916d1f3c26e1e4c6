import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchStaffAccounts } from './staff-accounts-api';

export const staffAccountKeys = {
  all: ['staff-accounts'] as const,
};

export const useStaffAccounts = () => useStaffQuery({ queryKey: staffAccountKeys.all, queryFn: ({ signal, background }) => fetchStaffAccounts(signal, background), pollMs: STAFF_REFRESH_MS });
