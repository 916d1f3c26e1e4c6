import {
  calendarEndpoints,
  matchingEndpoints,
  schedulingEndpoints,
  type BookedReplacement,
  type CalendarChangeResponse,
  type PairingSuggestion,
  type PairingSummary,
  type PairRequest,
  type PartnershipSummary,
  type Programme,
  type ProgrammeBody,
  type ScheduleChange,
  type SchoolTimetable,
  type SeriesCreatedResponse,
  type SlotCandidate,
  type SuggestionsResponse,
} from '@peerbridge/shared';
import type { z } from 'zod';
import { callApi, staffAuth } from '../../lib/api-client';

/* The coordinator's timetabling, pairing and scheduling endpoints; every shape is the shared contract's. */

export type {
  BellPeriod as Period,
  BookedReplacement,
  CancelledSession,
  LostDate,
  Programme,
  ScheduleChange,
  SchoolTimetable,
} from '@peerbridge/shared';
export type Pairing = PairingSummary;
export type Partnership = PartnershipSummary;
export type Candidate = SlotCandidate;
export type Suggestion = PairingSuggestion;
export type Suggestions = SuggestionsResponse;
export type PairRef = PairRequest;
/** What `PUT …/programme` takes (weekly being the only frequency, it may be left out). */
export type ProgrammeInput = z.input<typeof ProgrammeBody>;

export async function fetchPartnerships(signal?: AbortSignal, background = false): Promise<Partnership[]> {
  return (await callApi(calendarEndpoints.partnerships, {}, { auth: staffAuth, signal, background })).partnerships;
}

export async function fetchTimetables(partnershipId: string, signal?: AbortSignal): Promise<SchoolTimetable[]> {
  return (await callApi(calendarEndpoints.timetables, { params: { id: partnershipId } }, { auth: staffAuth, signal })).schools;
}

export async function fetchProgramme(partnershipId: string, signal?: AbortSignal): Promise<Programme | null> {
  return (await callApi(calendarEndpoints.programme, { params: { id: partnershipId } }, { auth: staffAuth, signal })).programme;
}

/** Saving re-flows the sessions outside the new dates; the answer lists what it cancelled. */
export function saveProgramme(partnershipId: string, input: ProgrammeInput, dryRun = false): Promise<CalendarChangeResponse> {
  const query = { dryRun: dryRun ? ('true' as const) : ('false' as const) };
  return callApi(calendarEndpoints.saveProgramme, { params: { id: partnershipId }, query, body: input }, { auth: staffAuth });
}

export async function fetchCandidates(pairingId: string, signal?: AbortSignal): Promise<Candidate[]> {
  return (await callApi(schedulingEndpoints.candidates, { params: { id: pairingId } }, { auth: staffAuth, signal })).candidates;
}

export async function createSeries(pairingId: string, candidateId: string): Promise<SeriesCreatedResponse> {
  return callApi(schedulingEndpoints.createSeries, { params: { id: pairingId }, body: { candidateId } }, { auth: staffAuth });
}

export async function fetchScheduleChanges(signal?: AbortSignal, background = false): Promise<ScheduleChange[]> {
  return (await callApi(schedulingEndpoints.changes, {}, { auth: staffAuth, signal, background })).changes;
}

/** Book the replacement a closure proposed; the server checks for clashes again (409 with its reason). */
export function acceptReplacement(changeId: number): Promise<BookedReplacement> {
  return callApi(schedulingEndpoints.acceptReplacement, { params: { id: changeId } }, { auth: staffAuth });
}

export async function fetchSuggestions(
  partnershipId: string,
  review: { excluded: readonly PairRef[]; locked: readonly PairRef[] },
  signal?: AbortSignal,
): Promise<Suggestions> {
  const body = { excluded: [...review.excluded], locked: [...review.locked] };
  return callApi(matchingEndpoints.suggestions, { params: { id: partnershipId }, body }, { auth: staffAuth, signal });
}

export async function acceptPairing(partnershipId: string, pair: PairRef): Promise<{ pairingId: string }> {
  return callApi(matchingEndpoints.acceptPairing, { params: { id: partnershipId }, body: pair }, { auth: staffAuth });
}
