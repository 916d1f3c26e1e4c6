import { useStaffQuery } from '../../lib/staff/staff-query';
import { fetchSuggestions } from '../timetable/timetable-api';
import type { PairingReview } from './pairing-review';

export const matchingKeys = {
  all: ['matching'] as const,
  /** The review (rejected, swapped) is part of the question, so each one is its own answer. */
  suggestions: (partnershipId: string, review: PairingReview) => [...matchingKeys.all, 'suggestions', partnershipId, review] as const,
};

export const useSuggestions = (partnershipId: string, review: PairingReview) =>
  useStaffQuery({
    queryKey: matchingKeys.suggestions(partnershipId, review),
    queryFn: ({ signal }) => fetchSuggestions(partnershipId, review, signal),
    keepPrevious: true,
  });
