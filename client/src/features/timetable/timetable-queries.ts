import { STAFF_REFRESH_MS, useStaffQuery } from '../../lib/staff/staff-query';
import { fetchPairingSeries } from './series-lifecycle-api';
import { fetchCandidates, fetchPartnerships, fetchProgramme, fetchScheduleChanges, fetchTimetables } from './timetable-api';

/** The timetable section's queries, named once: what a write invalidates is what these read. */
export const timetableKeys = {
  all: ['timetable'] as const,
  partnerships: () => [...timetableKeys.all, 'partnerships'] as const,
  timetables: (partnershipId: string | null) => [...timetableKeys.all, 'timetables', partnershipId] as const,
  programme: (partnershipId: string | null) => [...timetableKeys.all, 'programme', partnershipId] as const,
  /** Every pairing's possible times: a saved programme changes them all. */
  allCandidates: () => [...timetableKeys.all, 'candidates'] as const,
  candidates: (pairingId: string | null) => [...timetableKeys.allCandidates(), pairingId] as const,
  changes: () => [...timetableKeys.all, 'changes'] as const,
  /** A pairing's series and next sessions: every booking, cancellation or move changes it. */
  allSeries: () => [...timetableKeys.all, 'series'] as const,
  series: (pairingId: string | null) => [...timetableKeys.allSeries(), pairingId] as const,
};

export const usePartnerships = () =>
  useStaffQuery({ queryKey: timetableKeys.partnerships(), queryFn: ({ signal, background }) => fetchPartnerships(signal, background), pollMs: STAFF_REFRESH_MS });

export const useScheduleChanges = () =>
  useStaffQuery({ queryKey: timetableKeys.changes(), queryFn: ({ signal, background }) => fetchScheduleChanges(signal, background), pollMs: STAFF_REFRESH_MS });

export const useTimetables = (partnershipId: string | null) =>
  useStaffQuery({
    queryKey: timetableKeys.timetables(partnershipId),
    // Never asked without an id (`enabled`); the fallback only satisfies the types.
    queryFn: ({ signal }) => (partnershipId ? fetchTimetables(partnershipId, signal) : Promise.resolve([])),
    enabled: partnershipId !== null,
  });

export const useProgramme = (partnershipId: string | null) =>
  useStaffQuery({
    queryKey: timetableKeys.programme(partnershipId),
    queryFn: ({ signal }) => (partnershipId ? fetchProgramme(partnershipId, signal) : Promise.resolve(null)),
    enabled: partnershipId !== null,
  });

export const useCandidates = (pairingId: string | null) =>
  useStaffQuery({
    queryKey: timetableKeys.candidates(pairingId),
    queryFn: ({ signal }) => (pairingId ? fetchCandidates(pairingId, signal) : Promise.resolve([])),
    enabled: pairingId !== null,
  });

export const usePairingSeries = (pairingId: string | null) =>
  useStaffQuery({
    queryKey: timetableKeys.series(pairingId),
    queryFn: ({ signal, background }) => (pairingId ? fetchPairingSeries(pairingId, signal, background) : Promise.reject(new Error('no pairing'))),
    enabled: pairingId !== null,
    pollMs: STAFF_REFRESH_MS,
  });
