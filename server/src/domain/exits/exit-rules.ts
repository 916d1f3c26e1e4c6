import { EXIT_REASON_LABELS, exitReasonKind, type ExitKind, type ExitQuestionnaireForm, type ExitReason } from '@peerbridge/shared';

/*
 * The rules of ending a pairing: which kind an exit reason makes, which sessions a gradual exit keeps,
 * whether a questionnaire's answers fit the form asked, and the words a student reads afterwards.
 */

export function exitKindOf(reason: ExitReason): ExitKind {
  return exitReasonKind[reason];
}

/** What the pairing's end is recorded as: "Targets met (planned exit): <note>". */
export function exitEndReason(reason: ExitReason, note: string): string {
  const head = `${EXIT_REASON_LABELS[reason]} (${exitKindOf(reason)} exit)`;
  return note ? `${head}: ${note}` : head;
}

export interface PlannedSession {
  id: string;
  /** The date at the mentee's school, whose clock the sessions keep. */
  date: string;
}

export interface WindDownPlan {
  finalReviewId: string;
  /** Sessions before the final review cancelled to thin the last weeks, and any after it. */
  cancelIds: string[];
  kept: number;
}

/**
 * A gradual exit: the first session on `finalReviewOn` becomes the final review; before it, every other
 * session is cancelled (the next one is kept, so the pair meet at least once more before the review when
 * they can); everything after the final review is cancelled. Null when no session falls on that date.
 */
export function windDownPlan(sessions: readonly PlannedSession[], finalReviewOn: string): WindDownPlan | null {
  const sorted = [...sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const finalIndex = sorted.findIndex((s) => s.date === finalReviewOn);
  if (finalIndex < 0) return null;
  const before = sorted.slice(0, finalIndex);
  const after = sorted.slice(finalIndex + 1);
  const thinned = before.filter((_s, i) => i % 2 === 1);
  return {
    finalReviewId: sorted[finalIndex]!.id,
    cancelIds: [...thinned, ...after].map((s) => s.id),
    kept: before.length - thinned.length,
  };
}

export interface AnswerProblem {
  field: string;
  problem: string;
}

/** Every question of the form answered once, on its scale; nothing else. */
export function checkScaledAnswers(form: ExitQuestionnaireForm, scaled: Record<string, number>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  const ids = new Set(form.questions.map((q) => q.id));
  for (const question of form.questions) {
    const value = scaled[question.id];
    if (value === undefined) problems.push({ field: `scaled.${question.id}`, problem: 'is not answered' });
    else if (!Number.isInteger(value) || value < 1 || value > form.scale) {
      problems.push({ field: `scaled.${question.id}`, problem: `must be from 1 to ${form.scale}` });
    }
  }
  for (const id of Object.keys(scaled)) if (!ids.has(id)) problems.push({ field: `scaled.${id}`, problem: 'is not a question on this form' });
  return problems;
}

/** "Mentoring with Priya has ended, but support has not": who to talk to at the student's own school. */
export function supportWords(input: { partnerFirstName: string; schoolName: string; contacts: readonly string[]; ended: boolean }): string {
  const { partnerFirstName, schoolName, contacts, ended } = input;
  const opening = ended ? `Your mentoring with ${partnerFirstName} has ended` : `Your mentoring with ${partnerFirstName} is coming to an end`;
  const who = contacts.length === 0 ? 'your form tutor or any teacher you trust' : `${listWords(contacts)}, your form tutor, or any teacher you trust`;
  return `${opening}, but support is still here for you. Thank you for taking part. If you want to talk about anything, big or small, go to ${who} at ${schoolName}.`;
}

function listWords(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}
