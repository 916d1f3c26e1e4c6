import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchExitPairings, fetchExitQuestionnaire } from './exits-api';

export const exitKeys = {
  all: ['exits'] as const,
  pairings: () => [...exitKeys.all, 'pairings'] as const,
  form: () => [...exitKeys.all, 'form'] as const,
};

export const useExitPairings = () =>
  useStaffQuery({ queryKey: exitKeys.pairings(), queryFn: ({ signal, background }) => fetchExitPairings(signal, background), pollMs: STAFF_REFRESH_MS });

/** A form being edited is not polled, so nobody's typing is reset under them. */
export const useExitQuestionnaire = () => useStaffQuery({ queryKey: exitKeys.form(), queryFn: ({ signal }) => fetchExitQuestionnaire(signal) });
