import { z } from 'zod';
import { apiGet, apiSend, apiSendNoContent, staffAuth } from '../../lib/api-client';

/*
 * The coordinator's scheduling endpoints. Not in @peerbridge/shared yet (only
 * the request bodies are), so the answers are described here and read a little
 * loosely where the server may add detail (a change's `detail`, a lost date's reason).
 */

const Named = z.object({ id: z.string(), name: z.string() });

export const Pairing = z.object({
  id: z.string(),
  mentor: z.object({ id: z.string(), firstName: z.string() }),
  mentee: z.object({ id: z.string(), firstName: z.string() }),
});
export type Pairing = z.infer<typeof Pairing>;

export const Partnership = z.object({
  id: z.string(),
  name: z.string(),
  mentorSchool: Named,
  menteeSchool: Named,
  pairings: z.array(Pairing),
});
export type Partnership = z.infer<typeof Partnership>;

const Period = z.object({ name: z.string(), start: z.string(), end: z.string() });
export type Period = z.infer<typeof Period>;

export const SchoolTimetable = z.object({
  schoolId: z.string(),
  name: z.string(),
  role: z.enum(['mentor', 'mentee']),
  timeZone: z.string(),
  bellSchedule: z.record(z.string(), z.array(Period)).nullable(),
  cycle: z.object({ weeks: z.union([z.literal(1), z.literal(2)]), knownWeekAMonday: z.string() }).nullable(),
});
export type SchoolTimetable = z.infer<typeof SchoolTimetable>;

export const Programme = z.object({
  startDate: z.string(),
  endDate: z.string(),
  sessionMinutes: z.number(),
  frequency: z.string(),
  goals: z.string(),
  caseloadLimit: z.number(),
});
export type Programme = z.infer<typeof Programme>;

/** What `PUT …/programme` takes (the shared ProgrammeBody, weekly being the only frequency). */
export interface ProgrammeInput {
  start: string;
  end: string;
  sessionMinutes: number;
  goals: string;
  caseloadLimit: number;
}

export const LostDate = z.object({
  date: z.string(),
  school: z.string(),
  // A reason this screen has no words for yet must not hide the candidate.
  reason: z.string(),
  detail: z.string().nullable().optional(),
});
export type LostDate = z.infer<typeof LostDate>;

export const Candidate = z.object({
  id: z.string(),
  weekday: z.number().int(),
  label: z.string(),
  localStart: z.string(),
  menteePeriod: z.string(),
  everyWeekSameSlot: z.boolean(),
  sessions: z.number().int(),
  firstSession: z.string().nullable(),
  lostDates: z.array(LostDate),
});
export type Candidate = z.infer<typeof Candidate>;

export const ScheduleChange = z.object({
  id: z.union([z.string(), z.number()]),
  at: z.string(),
  byStaffId: z.string().nullable().optional(),
  kind: z.string(),
  occurrenceId: z.string().nullable().optional(),
  detail: z.record(z.string(), z.unknown()).nullable().optional(),
});
export type ScheduleChange = z.infer<typeof ScheduleChange>;

const ScoreParts = z.object({
  subjectFit: z.number(),
  slotAvailability: z.number(),
  caseloadBalance: z.number(),
  total: z.number(),
});

export const Suggestion = z.object({
  menteeId: z.string(),
  mentorId: z.string(),
  mentee: z.string(),
  mentor: z.string(),
  sharedSlots: z.number(),
  score: ScoreParts,
  explanation: z.array(z.string()),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const Unmatched = z.object({
  menteeId: z.string(),
  mentee: z.string(),
  reason: z.string(),
  explanation: z.string(),
});
export type Unmatched = z.infer<typeof Unmatched>;

export const Suggestions = z.object({
  suggestions: z.array(Suggestion),
  kept: z.array(Suggestion),
  unmatched: z.array(Unmatched),
  totalScore: z.number(),
  greedyScore: z.number(),
});
export type Suggestions = z.infer<typeof Suggestions>;

export interface PairRef {
  menteeId: string;
  mentorId: string;
}

export interface ClosureInput {
  date: string;
  from?: string;
  to?: string;
  reason: string;
}

export const CancelledSession = z.object({
  occurrenceId: z.string(),
  reason: z.string(),
  proposal: z.string().nullable(),
});
export type CancelledSession = z.infer<typeof CancelledSession>;

const id = encodeURIComponent;

export async function fetchPartnerships(signal?: AbortSignal): Promise<Partnership[]> {
  const schema = z.object({ partnerships: z.array(Partnership) });
  return (await apiGet('/api/staff/partnerships', schema, { auth: staffAuth, signal })).partnerships;
}

export async function fetchTimetables(partnershipId: string, signal?: AbortSignal): Promise<SchoolTimetable[]> {
  const schema = z.object({ schools: z.array(SchoolTimetable) });
  return (await apiGet(`/api/staff/partnerships/${id(partnershipId)}/timetables`, schema, { auth: staffAuth, signal }))
    .schools;
}

export async function fetchProgramme(partnershipId: string, signal?: AbortSignal): Promise<Programme | null> {
  const schema = z.object({ programme: Programme.nullable() });
  return (await apiGet(`/api/staff/partnerships/${id(partnershipId)}/programme`, schema, { auth: staffAuth, signal }))
    .programme;
}

export function saveProgramme(partnershipId: string, input: ProgrammeInput): Promise<void> {
  return apiSendNoContent('PUT', `/api/staff/partnerships/${id(partnershipId)}/programme`, input, { auth: staffAuth });
}

export async function fetchCandidates(pairingId: string, signal?: AbortSignal): Promise<Candidate[]> {
  const schema = z.object({ candidates: z.array(Candidate) });
  return (await apiGet(`/api/staff/pairings/${id(pairingId)}/candidates`, schema, { auth: staffAuth, signal }))
    .candidates;
}

export async function createSeries(pairingId: string, candidateId: string): Promise<{ seriesId: string }> {
  const schema = z.object({ seriesId: z.string() });
  return apiSend('POST', `/api/staff/pairings/${id(pairingId)}/series`, { candidateId }, schema, { auth: staffAuth });
}

export async function fetchScheduleChanges(signal?: AbortSignal): Promise<ScheduleChange[]> {
  const schema = z.object({ changes: z.array(ScheduleChange) });
  return (await apiGet('/api/staff/schedule-changes', schema, { auth: staffAuth, signal })).changes;
}

export async function addClosure(closure: ClosureInput): Promise<CancelledSession[]> {
  const schema = z.object({ cancelled: z.array(CancelledSession) });
  return (await apiSend('POST', '/api/staff/calendar/closures', closure, schema, { auth: staffAuth })).cancelled;
}

export const BookedReplacement = z.object({ occurrenceId: z.string(), when: z.string() });
export type BookedReplacement = z.infer<typeof BookedReplacement>;

/** Book the replacement a closure proposed; the server checks for clashes again (409 with its reason). */
export function acceptReplacement(changeId: string | number): Promise<BookedReplacement> {
  return apiSend('POST', `/api/staff/schedule-changes/${id(String(changeId))}/accept-replacement`, undefined, BookedReplacement, {
    auth: staffAuth,
  });
}

export async function fetchSuggestions(
  partnershipId: string,
  review: { excluded: readonly PairRef[]; locked: readonly PairRef[] },
  signal?: AbortSignal,
): Promise<Suggestions> {
  return apiSend('POST', `/api/staff/partnerships/${id(partnershipId)}/suggestions`, review, Suggestions, {
    auth: staffAuth,
    signal,
  });
}

export async function acceptPairing(partnershipId: string, pair: PairRef): Promise<{ pairingId: string }> {
  const schema = z.object({ pairingId: z.string() });
  return apiSend('POST', `/api/staff/partnerships/${id(partnershipId)}/pairings`, pair, schema, { auth: staffAuth });
}
