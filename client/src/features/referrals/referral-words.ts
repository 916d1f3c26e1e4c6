import type { Referral, ReferralLetter, ReferralStatus } from '@peerbridge/shared';

/** The queue's statuses in words, in the order a referral moves through them. */
export const referralStatusWords: Record<ReferralStatus, string> = {
  new: 'New',
  waiting_for_consent: 'Waiting for consent',
  ready_to_pair: 'Ready to pair',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
};

export const referralStatusOrder: readonly ReferralStatus[] = ['new', 'waiting_for_consent', 'ready_to_pair', 'declined', 'withdrawn'];

/** What the coordinator does next, in a few words: the queue's "to do" column. */
export function nextStep(r: Pick<Referral, 'kind' | 'status' | 'optIn' | 'consent' | 'consentRequest' | 'trained'>): string | null {
  if (r.status === 'declined' || r.status === 'withdrawn') return null;
  if (r.status === 'ready_to_pair') return r.kind === 'mentee' ? 'Ready to be paired with a mentor.' : 'Ready to be paired with a mentee.';
  const steps: string[] = [];
  if (!r.optIn) steps.push("record the student's agreement");
  if (r.kind === 'mentee' && !r.consent) steps.push(r.consentRequest ? "record the parents' consent when it comes" : "ask the parents for consent");
  if (r.kind === 'mentor' && !r.trained) steps.push('record their training');
  return steps.length > 0 ? `Next: ${steps.join(', then ')}.` : null;
}

/** "Attainment, Exam stress" or "No reasons given" (a mentor's application may give none). */
export const reasonsWords = (reasons: readonly string[]) => (reasons.length > 0 ? reasons.join(', ') : 'No reasons given');

const frequencyWords: Record<string, string> = { weekly: 'once a week', fortnightly: 'once a fortnight' };

/** How often sessions happen, as a parent would read it: "once a week" (an unknown value reads as itself). */
export const frequencyPhrase = (frequency: string) => frequencyWords[frequency] ?? frequency.replace(/_/g, ' ');

/** The letter's sentence about the programme itself, from the programme's own dates and rhythm. */
export function programmeSentence(letter: Pick<ReferralLetter, 'programme' | 'partnerSchoolName'>, date: (isoDate: string) => string): string {
  const partner = letter.partnerSchoolName ?? 'our partner school';
  if (!letter.programme) return `Sessions with ${partner} have not been timetabled yet; we will write again with the dates before any session takes place.`;
  const p = letter.programme;
  return `The programme runs from ${date(p.startDate)} to ${date(p.endDate)}, with a ${p.sessionMinutes}-minute video session ${frequencyPhrase(p.frequency)}, during the school day, with ${partner}.`;
}
