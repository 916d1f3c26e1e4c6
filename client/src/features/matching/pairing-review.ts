import type { PairRef, Suggestion } from '../timetable/timetable-api';

/*
 * What the coordinator has said about the suggestions so far. It lives only
 * in the page (nothing is paired until Accept) and travels with every
 * request, so the matcher re-plans around it: rejected pairs are excluded,
 * swapped-in pairs are locked.
 */
export interface PairingReview {
  excluded: PairRef[];
  locked: PairRef[];
}

export const emptyReview: PairingReview = { excluded: [], locked: [] };

const same = (a: PairRef, b: PairRef) => a.menteeId === b.menteeId && a.mentorId === b.mentorId;

export function rejectPair(review: PairingReview, pair: PairRef): PairingReview {
  const plain = { menteeId: pair.menteeId, mentorId: pair.mentorId };
  return {
    excluded: review.excluded.some((p) => same(p, plain)) ? review.excluded : [...review.excluded, plain],
    locked: review.locked.filter((p) => !same(p, plain)),
  };
}

/** A mentee gets one locked mentor: a second swap replaces the first. */
export function swapMentor(review: PairingReview, menteeId: string, mentorId: string): PairingReview {
  const pair = { menteeId, mentorId };
  return {
    excluded: review.excluded.filter((p) => !same(p, pair)),
    locked: [...review.locked.filter((p) => p.menteeId !== menteeId), pair],
  };
}

/** Once accepted, the pair is real and the server keeps it; no need to lock it any more. */
export function forgetPair(review: PairingReview, pair: PairRef): PairingReview {
  return { excluded: review.excluded, locked: review.locked.filter((p) => !same(p, pair)) };
}

export interface MentorOption {
  id: string;
  name: string;
}

/** The mentors a suggestion can be swapped to: every mentor on the board but its own. */
export function swapOptions(board: readonly Suggestion[], current: Suggestion): MentorOption[] {
  const seen = new Map<string, string>();
  for (const s of board) if (s.mentorId !== current.mentorId) seen.set(s.mentorId, s.mentor);
  return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/**
 * Optimal against greedy, in words: the matcher must never do worse, and a
 * coordinator needs to know whether the suggestions beat pairing one by one,
 * not by how many points.
 */
export function comparisonWords(total: number, greedy: number): string {
  const diff = Math.round((total - greedy) * 100) / 100;
  if (diff > 0) return 'Taken together, these pairings fit subjects and free periods better than pairing students one by one would.';
  return 'These pairings fit as well as pairing students one by one would: there was no better overall arrangement.';
}
