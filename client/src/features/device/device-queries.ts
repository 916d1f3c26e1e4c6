import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchSchoolDevices } from './staff-devices-api';

export const deviceKeys = {
  all: ['devices'] as const,
};

export const useSchoolDevices = () => useStaffQuery({ queryKey: deviceKeys.all, queryFn: ({ signal, background }) => fetchSchoolDevices(signal, background), pollMs: STAFF_REFRESH_MS });
