import { SubjectsBody } from '@peerbridge/shared';

/*
 * Subjects as chips: "maths", or a subject and a topic ("english:poetry").
 * Typed the way people write them ("English: Poetry") and kept the way the
 * matcher compares them.
 */

const Subject = SubjectsBody.shape.subjects.element;
export const MAX_SUBJECTS = 20;

export function normaliseSubject(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s*:\s*/g, ':')
    .replace(/\s+/g, ' ');
}

/** The list with one more subject, or why it cannot be added. */
export function addSubject(list: readonly string[], text: string): { list: string[] } | { error: string } {
  const subject = normaliseSubject(text);
  if (subject === '') return { error: 'Type a subject first.' };
  const parsed = Subject.safeParse(subject);
  if (!parsed.success) return { error: `“${text.trim()}” ${parsed.error.issues[0]?.message ?? 'is not a subject'}.` };
  if (list.includes(parsed.data)) return { list: [...list] };
  if (list.length >= MAX_SUBJECTS) return { error: `At most ${MAX_SUBJECTS} subjects.` };
  return { list: [...list, parsed.data] };
}

/** Suggestions for what is being typed: ones not chosen yet, those starting with it first. */
export function suggestionsFor(typed: string, known: readonly string[], chosen: readonly string[], max = 8): string[] {
  const text = normaliseSubject(typed);
  const open = known.filter((s) => !chosen.includes(s));
  if (text === '') return open.slice(0, max);
  const starts = open.filter((s) => s.startsWith(text));
  const contains = open.filter((s) => !s.startsWith(text) && s.includes(text));
  return [...starts, ...contains].slice(0, max);
}
