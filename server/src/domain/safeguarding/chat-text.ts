/** Text normalising and tokenising shared by the chat checks. */

const HOMOGLYPHS: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ѕ: 's', ј: 'j', к: 'k',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u',
};
const DECIMAL_DIGIT = /^\p{Nd}$/u;

export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    // Format characters (zero-width, bidi), combining marks and control characters hide nothing a reader sees.
    .replace(/(?![\t\n\r])[\p{Cf}\p{M}\p{Cc}]/gu, '')
    .toLowerCase()
    .replace(/\P{ASCII}/gu, (ch) => HOMOGLYPHS[ch] ?? (DECIMAL_DIGIT.test(ch) ? asciiDigit(ch) : ch));
}

/** Unicode keeps each script's digits 0–9 contiguous, so a digit's value is its distance from the run's start. */
export function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  let zero = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
}

// ── Tokens ─────────────────────────────────────────────────────────────────

export interface Token {
  kind: 'word' | 'num' | 'punct';
  text: string;
  /** Whitespace (or the start of the message) comes before it. */
  spaced: boolean;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let spaced = true;
  for (const [piece] of text.matchAll(/\s+|\p{L}+|[0-9]+|\S/gu)) {
    if (/^\s/u.test(piece)) {
      spaced = true;
      continue;
    }
    const kind = /^\p{L}/u.test(piece) ? 'word' : /^[0-9]/.test(piece) ? 'num' : 'punct';
    tokens.push({ kind, text: piece, spaced });
    spaced = false;
  }
  return joinSpelledOut(tokens);
}

/** "s n a p" and "g m a i l" become one word; two single letters ("a b") are left alone. */
export function joinSpelledOut(tokens: Token[]): Token[] {
  const out: Token[] = [];
  const single = (t: Token | undefined) => t?.kind === 'word' && [...t.text].length === 1;
  for (let i = 0; i < tokens.length; ) {
    let j = i + 1;
    while (single(tokens[i]) && single(tokens[j]) && tokens[j]?.spaced) j++;
    if (j - i >= 3) {
      out.push({ kind: 'word', text: tokens.slice(i, j).map((t) => t.text).join(''), spaced: tokens[i]!.spaced });
      i = j;
    } else {
      out.push(tokens[i]!);
      i++;
    }
  }
  return out;
}

export const isAlnum = (t: Token | undefined): t is Token & { kind: 'word' | 'num' } => t?.kind === 'word' || t?.kind === 'num';
export const glued = (t: Token | undefined): t is Token => t !== undefined && !t.spaced;
export const wordAt = (tokens: Token[], i: number) => (tokens[i]?.kind === 'word' ? tokens[i].text : '');

/** Letters, digits, "_", "." and "-" run together from i, as a handle or email local part is written. */
export function gluedSpan(tokens: Token[], i: number): string {
  if (!isAlnum(tokens[i])) return '';
  let text = tokens[i]!.text;
  for (let j = i + 1; glued(tokens[j]); j++) {
    const t = tokens[j]!;
    if (isAlnum(t)) text += t.text;
    else if ('_.-'.includes(t.text) && isAlnum(tokens[j + 1]) && glued(tokens[j + 1])) text += t.text;
    else break;
  }
  return text;
}
