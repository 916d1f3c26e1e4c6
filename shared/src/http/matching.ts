import { z } from 'zod';
import { StudentRole, Uuid } from '../ids.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';

/** `POST /api/staff/partnerships/:id/pairings`, and one entry of a review. */
export const PairRequest = z.strictObject({ menteeId: Uuid, mentorId: Uuid });
export type PairRequest = z.infer<typeof PairRequest>;

/** `POST /api/staff/partnerships/:id/suggestions`: the coordinator's rejections and acceptances so far. */
export const MatchingReview = z.strictObject({
  excluded: z.array(PairRequest).max(5000).default([]),
  locked: z.array(PairRequest).max(5000).default([]),
});

/** `PUT /api/staff/students/:id/subjects` */
export const SubjectsBody = z.strictObject({
  subjects: z.array(z.string().trim().toLowerCase().regex(/^[a-z][a-z -]*(:[a-z][a-z -]*)?$/, 'must look like "maths" or "english:poetry"')).max(20),
});

/** One free period as stored: a week of the cycle (or both), a weekday 1–5 and a period name. */
export const FreeSlot = z.object({ week: z.enum(['A', 'B', 'any']), weekday: z.number().int(), period: z.string() });
export type FreeSlot = z.infer<typeof FreeSlot>;

/** `GET /api/staff/students/:id/matching-profile`: what matching knows of one own-school student. */
export const StudentMatchingProfile = z.object({
  studentId: Uuid,
  role: StudentRole,
  /** Empty until a coordinator records them. */
  freePeriods: z.array(FreeSlot),
  subjects: z.array(z.string()),
  /** Subjects already recorded at the school and its partner schools: offered while typing, so both sides use the same words. */
  subjectSuggestions: z.array(z.string()),
});
export type StudentMatchingProfile = z.infer<typeof StudentMatchingProfile>;

/** A suggestion's score in parts, so the coordinator can see why. */
export const ScoreParts = z.object({
  subjectFit: z.number(),
  slotAvailability: z.number(),
  caseloadBalance: z.number(),
  total: z.number(),
});

export const PairingSuggestion = z.object({
  menteeId: Uuid,
  mentorId: Uuid,
  /** Full names for the coordinator's own school's students, first names for the partner school's. */
  mentee: z.string(),
  mentor: z.string(),
  sharedSlots: z.number().int(),
  score: ScoreParts,
  /** The score's parts in words. */
  explanation: z.array(z.string()),
});
export type PairingSuggestion = z.infer<typeof PairingSuggestion>;

export const UnmatchedReason = z.enum([
  'not_eligible',
  'no_shared_slot',
  'all_rejected',
  'mentors_full',
  /** Only the optimiser can say this: its matching has the most mentees possible. */
  'mentors_needed_elsewhere',
  /** What a non-optimal method (the greedy baseline) can say instead. */
  'mentors_taken',
]);
export type UnmatchedReason = z.infer<typeof UnmatchedReason>;

export const UnmatchedMentee = z.object({ menteeId: Uuid, mentee: z.string(), reason: UnmatchedReason, explanation: z.string() });
export type UnmatchedMentee = z.infer<typeof UnmatchedMentee>;

export const SuggestionsResponse = z.object({
  /** New proposals awaiting the coordinator. */
  suggestions: z.array(PairingSuggestion),
  /** Pairs already accepted or locked, explained the same way. */
  kept: z.array(PairingSuggestion),
  unmatched: z.array(UnmatchedMentee),
  totalScore: z.number(),
  /** What a simple first-come matching would score, for comparison. */
  greedyScore: z.number(),
});
export type SuggestionsResponse = z.infer<typeof SuggestionsResponse>;

export const PairingCreatedResponse = z.object({ pairingId: Uuid });

export const matchingEndpoints = {
  suggestions: endpoint({
    method: 'POST',
    path: '/api/staff/partnerships/:id/suggestions',
    tag: 'matching',
    audience: 'staff',
    // POST so the coordinator's rejections and acceptances so far travel with the request.
    summary: "Suggested pairings across the partnership, given the coordinator's review so far (the body may be left out).",
    params: IdParams,
    body: MatchingReview.default({ excluded: [], locked: [] }),
    response: SuggestionsResponse,
  }),
  acceptPairing: endpoint({
    method: 'POST',
    path: '/api/staff/partnerships/:id/pairings',
    tag: 'matching',
    audience: 'staff',
    summary: 'Accepts a pairing: it exists from now on.',
    params: IdParams,
    body: PairRequest,
    response: PairingCreatedResponse,
    status: 201,
  }),
  matchingProfile: endpoint({
    method: 'GET',
    path: '/api/staff/students/:id/matching-profile',
    tag: 'matching',
    audience: 'staff',
    summary: "One own-school student's free periods and subjects, with subjects in use across the partnerships to suggest.",
    params: IdParams,
    response: StudentMatchingProfile,
  }),
  setSubjects: endpoint({
    method: 'PUT',
    path: '/api/staff/students/:id/subjects',
    tag: 'matching',
    audience: 'staff',
    summary: "A student's subjects: a mentee's needs, a mentor's strengths.",
    params: IdParams,
    body: SubjectsBody,
    response: null,
  }),
};
