import type { ContactKind } from '../safeguarding/contact-details.js';

const KIND_NAMES: Record<ContactKind, string> = {
  phone: 'phone numbers',
  email: 'email addresses',
  link: 'links',
  social_handle: 'social media names',
};

/** Said to a mentor whose note had contact details in it: kindly, what to change, nothing saved. */
export function noteBlockedWords(kinds: readonly ContactKind[]): string {
  const names = kinds.map((kind) => KIND_NAMES[kind]);
  const list = names.length <= 1 ? (names[0] ?? 'contact details') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `For everyone's safety, session notes can't include ${list}. Your note wasn't saved: take that part out and try again.`;
}
