import { normalise } from './chat-text.js';

// ── Keywords ───────────────────────────────────────────────────────────────
// Matched character by character so that spacing, punctuation and repeated
// letters inside a word ("k i l l", "s.e.l.f h.a.r.m", "kiiill") still match,
// while the match must start and end at a word edge ("skill" is not "kill").

const LEET: Record<string, string> = { '0': 'o', '1': 'il', '!': 'i', '|': 'il', '3': 'e', '4': 'a', '@': 'a', '5': 's', $: 's', '7': 't' };
const IS_LETTER = /^\p{L}$/u;
const KEYWORD_CHAR = /^[\p{L}0-9]$/u;
/** Separators allowed between two letters of one keyword ("s . e" is fine, a paragraph is not). */
const MAX_GAP = 3;
/** Repeated letters are tolerated, but a match cannot run on for ever. */
const MAX_SPAN_PER_LETTER = 16;

export function matchKeywords(clean: string, keywords: readonly string[]): string[] {
  const chars = Array.from(clean);
  const letter = chars.map((c) => IS_LETTER.test(c));
  // Each position's possible letters; '' is a separator.
  const units = chars.map((c, i) => (letter[i] ? c : /[0-9]/.test(c) ? c + (LEET[c] ?? '') : (LEET[c] ?? '')));
  const matched: string[] = [];
  for (const keyword of keywords) {
    const wanted = Array.from(normalise(keyword)).filter((c) => KEYWORD_CHAR.test(c));
    if (wanted.length > 0 && !matched.includes(keyword) && occurs(wanted, units, letter)) matched.push(keyword);
  }
  return matched;
}

function occurs(wanted: string[], units: string[], letter: boolean[]): boolean {
  for (let start = 0; start < units.length; start++) {
    if (units[start]!.includes(wanted[0]!) && !letter[start - 1] && matchesFrom(start, wanted, units, letter)) {
      return true;
    }
  }
  return false;
}

/** A tiny NFA: the states are how many keyword letters have been consumed. */
function matchesFrom(start: number, wanted: string[], units: string[], letter: boolean[]): boolean {
  const m = wanted.length;
  const limit = Math.min(units.length, start + m * MAX_SPAN_PER_LETTER);
  let states = new Set([1]);
  let gap = 0;
  for (let i = start + 1; ; i++) {
    if (states.has(m) && !letter[i]) return true;
    if (i >= limit) return false;
    const unit = units[i]!;
    if (unit === '') {
      if (++gap > MAX_GAP) return false;
      continue;
    }
    gap = 0;
    const next = new Set<number>();
    for (const j of states) {
      if (unit.includes(wanted[j - 1]!)) next.add(j);
      if (j < m && unit.includes(wanted[j]!)) next.add(j + 1);
    }
    if (next.size === 0) return false;
    states = next;
  }
}
