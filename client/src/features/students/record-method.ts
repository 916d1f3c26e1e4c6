import type { EligibilityRecord, RecordMethod } from '@peerbridge/shared';

/** The choices for "how did it reach you?", in the order schools usually get them. */
export const recordMethodChoices: readonly { method: RecordMethod; label: string }[] = [
  { method: 'form', label: 'The consent form' },
  { method: 'letter', label: 'A letter' },
  { method: 'email', label: 'An email' },
  { method: 'in_person', label: 'In person' },
];

/** How it came, as words to follow a sentence: "recorded … by email". */
export const recordMethodWords: Record<RecordMethod, string> = { form: 'on the form', letter: 'by letter', email: 'by email', in_person: 'in person' };

/** "recorded 1 Dec 2026 by Mr Owen Price, by email": who, when and how, as far as the record says. */
export function describeRecord(record: EligibilityRecord, date: (iso: string) => string): string {
  const by = record.recordedBy ? ` by ${record.recordedBy}` : '';
  const how = record.method ? `, ${recordMethodWords[record.method]}` : '';
  return `recorded ${date(record.recordedAt)}${by}${how}`;
}
