import type { ReferralKind, ReferralStatus } from '@peerbridge/shared';

/*
 * The referral queue's rules: who may be referred, which reasons count, and how a referral moves
 * between new, waiting_for_consent, ready_to_pair, declined and withdrawn. Pure: the caller says what
 * is on record; the answer is a status or the words of a refusal.
 */

/** What is on record for a referral when a rule is asked. */
export interface ReferralFacts {
  kind: ReferralKind;
  status: ReferralStatus;
  optedIn: boolean;
  /** Parental consent on the student's own record. */
  consented: boolean;
  /** Training on the student's own record. */
  trained: boolean;
}

export type RuleAnswer = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): RuleAnswer => ({ ok: false, reason });
const OK: RuleAnswer = { ok: true };

/** A referral that was declined or withdrawn is closed: a student referred again gets a new referral. */
export const isClosed = (status: ReferralStatus) => status === 'declined' || status === 'withdrawn';

/** Mentees need their parents' consent; mentors their training. Both need to have said yes themselves. */
export function readyToPair(facts: Pick<ReferralFacts, 'kind' | 'optedIn' | 'consented' | 'trained'>): RuleAnswer {
  if (!facts.optedIn) return refuse('The student has not yet agreed to take part: record their opt-in first.');
  if (facts.kind === 'mentee' && !facts.consented) return refuse("The parents' consent is not on record yet.");
  if (facts.kind === 'mentor' && !facts.trained) return refuse("The mentor's training is not on record yet.");
  return OK;
}

/** Whether a referral may move to `to`, with the reason staff gave (declining or withdrawing needs one). */
export function checkTransition(facts: ReferralFacts, to: ReferralStatus, reason: string | undefined): RuleAnswer {
  if (facts.status === to) return refuse(`The referral is already ${statusWords[to]}.`);
  if (isClosed(facts.status)) return refuse(`The referral was ${statusWords[facts.status]}; refer the student again to start afresh.`);
  switch (to) {
    case 'new':
      return refuse('A referral cannot go back to new.');
    case 'waiting_for_consent':
      if (facts.kind === 'mentor') return refuse("A mentor's application does not wait for parental consent; record their training.");
      if (facts.consented) return refuse("The parents' consent is already on record.");
      return OK;
    case 'ready_to_pair':
      return readyToPair(facts);
    case 'declined':
    case 'withdrawn':
      return reason && reason.trim().length > 0 ? OK : refuse(`Say why the referral is ${statusWords[to]}.`);
  }
}

/**
 * Where an open referral stands after something is recorded: ready once everything is on record,
 * waiting for consent once consent was asked for (a mentee), otherwise where it was.
 */
export function advance(facts: ReferralFacts, consentRequested: boolean): ReferralStatus {
  if (isClosed(facts.status) || facts.status === 'ready_to_pair') return facts.status;
  if (readyToPair(facts).ok) return 'ready_to_pair';
  if (facts.kind === 'mentee' && consentRequested && !facts.consented) return 'waiting_for_consent';
  return facts.status;
}

/** Something may be recorded on an open referral only. */
export function checkOpen(status: ReferralStatus): RuleAnswer {
  return isClosed(status) ? refuse(`The referral was ${statusWords[status]}; nothing more can be recorded on it.`) : OK;
}

/** Who may be referred: mentees are Year 11 mentee students, mentors Year 12 or 13 mentor students, of the school's own. */
export function checkReferable(student: { role: 'mentor' | 'mentee'; yearGroup: number; archived: boolean }, kind: ReferralKind): RuleAnswer {
  if (student.archived) return refuse('That student has left the school.');
  if (kind === 'mentee' && (student.role !== 'mentee' || student.yearGroup !== 11)) return refuse('Only Year 11 mentees can be referred to the programme.');
  if (kind === 'mentor' && (student.role !== 'mentor' || (student.yearGroup !== 12 && student.yearGroup !== 13))) {
    return refuse('Only Year 12 or 13 mentors can apply to mentor.');
  }
  return OK;
}

/** A mentee's referral gives at least one of the school's reasons; a mentor's application may give none. Any reason must be on the list. */
export function checkReasons(kind: ReferralKind, reasons: readonly string[], schoolReasons: readonly string[]): RuleAnswer {
  if (kind === 'mentee' && reasons.length === 0) return refuse('Choose at least one reason for the referral.');
  const known = new Set(schoolReasons);
  const unknown = reasons.filter((r) => !known.has(r));
  return unknown.length > 0 ? refuse(`Not one of the school's referral reasons: ${unknown.join(', ')}.`) : OK;
}

/**
 * The practice's warning about coerced referrals: the person who referred the student should not be
 * the only one who heard them agree. A warning to show, never a refusal (a small school may have one coordinator).
 */
export function optInWarning(referredBy: string, optIn: { askedBy: string | null; recordedBy: string | null } | null): string | null {
  if (!optIn) return null;
  if (optIn.askedBy !== referredBy && optIn.recordedBy !== referredBy) return null;
  return 'Whoever referred this student also recorded their agreement. Check that the student chose freely, ideally with someone else.';
}

const statusWords: Record<ReferralStatus, string> = {
  new: 'new',
  waiting_for_consent: 'waiting for consent',
  ready_to_pair: 'ready to pair',
  declined: 'declined',
  withdrawn: 'withdrawn',
};
