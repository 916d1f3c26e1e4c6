/**
 * In-call chat moderation. Both ends of a call are children at different
 * schools, so chat must never carry a way to reach each other outside the
 * session, and worrying words must reach the safeguarding leads.
 *
 * The rules lean towards blocking: a blocked message costs a child a retype,
 * a missed phone number can cost much more. Everything here is a linear scan
 * over tokens or characters (no backtracking regexes), as it runs per message.
 */

import { normalise, tokenize } from './chat-text.js';
import { findContactDetails, type ContactKind } from './contact-details.js';
import { matchKeywords } from './keywords.js';

export interface ChatVerdict {
  action: 'deliver' | 'block' | 'deliver_and_flag';
  /** Why a message was blocked: every kind of contact detail found. */
  contactKinds: ContactKind[];
  /**
   * Keyword-list entries matched (as written in the list), for the DSL's alert.
   * Filled in for blocked messages too: a blocked message can still be a worrying one.
   */
  matchedKeywords: string[];
  /** A friendly sentence for the sender when blocked, written for a 15-year-old; undefined otherwise. */
  explanation?: string;
}

export function moderateChatMessage(text: string, keywords: readonly string[]): ChatVerdict {
  const clean = normalise(text);
  const found = findContactDetails(tokenize(clean));
  const contactKinds = KIND_ORDER.filter((kind) => found.has(kind));
  const matchedKeywords = matchKeywords(clean, keywords);
  if (contactKinds.length > 0) {
    return { action: 'block', contactKinds, matchedKeywords, explanation: explain(contactKinds) };
  }
  return { action: matchedKeywords.length > 0 ? 'deliver_and_flag' : 'deliver', contactKinds, matchedKeywords };
}

const KIND_ORDER: readonly ContactKind[] = ['phone', 'email', 'link', 'social_handle'];
const KIND_NAMES: Record<ContactKind, string> = {
  phone: 'phone numbers',
  email: 'emails',
  link: 'links',
  social_handle: 'social media names',
};

function explain(kinds: readonly ContactKind[]): string {
  const names = kinds.map((kind) => KIND_NAMES[kind]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
  return `For everyone's safety, Peerbridge doesn't send ${list} in chat. Your message wasn't sent.`;
}

// ── Normalising ────────────────────────────────────────────────────────────
// Fullwidth letters, accents, invisible characters, look-alike Cyrillic and
// other scripts' digits are all cheap ways round a filter; fold them first.
