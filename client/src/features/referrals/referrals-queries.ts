import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchProgrammeSettings, fetchReferralQueue } from './referrals-api';

export const referralKeys = {
  all: ['referrals'] as const,
  queue: () => [...referralKeys.all, 'queue'] as const,
  /** A form's data: not polled, so nobody's typing is reset under them. */
  settings: () => [...referralKeys.all, 'settings'] as const,
};

export const useReferralQueue = () =>
  useStaffQuery({ queryKey: referralKeys.queue(), queryFn: ({ signal, background }) => fetchReferralQueue(signal, background), pollMs: STAFF_REFRESH_MS });

export const useProgrammeSettings = () => useStaffQuery({ queryKey: referralKeys.settings(), queryFn: ({ signal }) => fetchProgrammeSettings(signal) });
