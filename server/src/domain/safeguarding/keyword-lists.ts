import { DEFAULT_SAFEGUARDING_KEYWORDS } from './default-keywords.js';

/**
 * Whose words apply to a shared session: each school's DSLs keep their own
 * list (they know their students' slang), and a chat between two schools is
 * checked against both, because a match alerts both schools' DSLs anyway.
 * A school without a list of its own uses the partnership's, if one was set,
 * else the default. Null when every school is on the default, so callers can
 * keep using the shared default without copying it.
 */
export function keywordsForSession(schoolLists: readonly (readonly string[] | null)[], partnershipList: readonly string[] | null): string[] | null {
  if (schoolLists.every((list) => list === null) && partnershipList === null) return null;
  const merged: string[] = [];
  const seen = new Set<string>();
  for (const list of schoolLists) {
    for (const phrase of list ?? partnershipList ?? DEFAULT_SAFEGUARDING_KEYWORDS) {
      const key = keywordKey(phrase);
      if (!seen.has(key)) {
        seen.add(key);
        merged.push(phrase);
      }
    }
  }
  return merged;
}

/** What a save changed, for the audit trail, as the DSL would read it (case and spacing ignored). */
export function keywordChanges(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const beforeKeys = new Set(before.map(keywordKey));
  const afterKeys = new Set(after.map(keywordKey));
  return {
    added: after.filter((phrase) => !beforeKeys.has(keywordKey(phrase))),
    removed: before.filter((phrase) => !afterKeys.has(keywordKey(phrase))),
  };
}

/** Two spellings of one phrase ("Meet  Up", "meet up") are the same entry. */
export function keywordKey(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/\s+/g, ' ');
}
