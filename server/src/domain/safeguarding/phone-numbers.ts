import { glued, type Token } from './chat-text.js';

// ── Phone numbers ──────────────────────────────────────────────────────────
// Digits are collected across separators and number words into runs; a run of
// nine or more digits is a phone number (every UK number is 10 or 11). Short
// number shapes people write every day (8.40, 9/10, 24/11/2026) are set aside
// first so that a few of them in one sentence do not add up to nine, and a
// list that only goes up or only down ("5, 8, 11, 14, 17, 20", a maths
// sequence) is not read as one number: phone numbers almost never do that.

const MIN_PHONE_DIGITS = 9;
const RUN_JOINERS = new Set(['.', '-', '–', '—', '/', '\\', '(', ')', '[', ']', ',', '_', '*', '|', '~', "'", '"']);
/** More separators than this between two digits and they are not one number. */
const MAX_JOINERS = 3;

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', nought: '0', nil: '0', one: '1', two: '2', three: '3', four: '4', five: '5',
  six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11', twelve: '12', thirteen: '13',
  fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19',
  twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90',
};
const REPEAT_WORDS: Record<string, number> = { double: 2, triple: 3, treble: 3 };
const ZERO_WORDS: Record<string, string> = { hundred: '00', thousand: '000' };
const NUMBER_VOCABULARY = [
  ...Object.keys(NUMBER_WORDS),
  ...Object.keys(REPEAT_WORDS),
  ...Object.keys(ZERO_WORDS),
].sort((a, b) => b.length - a.length);

/** "sevenseven" → ["seven", "seven"]; null when the word is not made only of number words. */
function numberWords(word: string): string[] | null {
  if (word.length > 64) return null;
  const next: (string | undefined)[] = new Array<string | undefined>(word.length + 1);
  next[word.length] = '';
  for (let i = word.length - 1; i >= 0; i--) {
    next[i] = NUMBER_VOCABULARY.find((w) => word.startsWith(w, i) && next[i + w.length] !== undefined);
  }
  if (next[0] === undefined) return null;
  const words: string[] = [];
  for (let i = 0; i < word.length; i += next[i]!.length) words.push(next[i]!);
  return words;
}

export function hasPhoneNumber(tokens: Token[], used: boolean[]): boolean {
  const everyday = everydayNumbers(tokens);
  let digits = '';
  let repeat = 1;
  let joiners = 0;
  let openTens = false; // "seventy" then "seven" is 77, not 707
  let groups: string[] = [];
  let listLike = true;
  const add = (d: string, tens = false) => {
    if (openTens && /^[1-9]$/.test(d)) digits = digits.slice(0, -1);
    digits += d[0]!.repeat(repeat - 1) + d;
    repeat = 1;
    joiners = 0;
    openTens = tens;
  };
  const endRun = () => {
    const isPhone = digits.length >= MIN_PHONE_DIGITS && !(listLike && isSequence(groups));
    groups = [];
    listLike = true;
    digits = '';
    repeat = 1;
    joiners = 0;
    openTens = false;
    return isPhone;
  };
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (t && !used[i] && !everyday[i]) {
      if (t.kind === 'num') {
        add(t.text);
        groups.push(t.text);
        continue;
      }
      const words = t.kind === 'word' ? numberWords(t.text) : null;
      if (words) {
        listLike = false;
        for (const w of words) {
          const times = REPEAT_WORDS[w];
          const zeros = ZERO_WORDS[w];
          if (times) repeat = times;
          else if (zeros) add(digits ? zeros : `1${zeros}`);
          else add(NUMBER_WORDS[w]!, w.length > 3 && w.endsWith('ty'));
        }
        continue;
      }
      if (t.kind === 'punct' && RUN_JOINERS.has(t.text) && ++joiners <= MAX_JOINERS) {
        listLike &&= t.text === ',';
        continue;
      }
      if (t.text === '+' && !digits) {
        listLike = false;
        continue; // "+44"
      }
    }
    if (endRun()) return true;
  }
  return false;
}

/**
 * At least three plain numbers only rising or only falling. Groups are all up to three digits, or all four
 * (years): a mobile without its 0 written "7700 900 123" falls too, but mixes the two.
 */
function isSequence(groups: string[]): boolean {
  const years = groups.every((g) => g.length === 4);
  const small = groups.every((g) => g.length <= 3);
  if (groups.length < 3 || !(years || small) || groups.some((g) => g.length > 1 && g.startsWith('0'))) return false;
  const values = groups.map(Number);
  const rising = values.every((v, i) => i === 0 || v >= values[i - 1]!);
  const falling = values.every((v, i) => i === 0 || v <= values[i - 1]!);
  return rising || falling;
}

/** Marks times and decimals (8.40, 3.14159), scores (9/10) and dates (24/11/2026, 2026-11-24). */
function everydayNumbers(tokens: Token[]): boolean[] {
  const marks: boolean[] = new Array<boolean>(tokens.length).fill(false);
  const num = (i: number) => (tokens[i]?.kind === 'num' ? tokens[i].text : null);
  const sep = (i: number) => (glued(tokens[i]) && './-'.includes(tokens[i].text) && glued(tokens[i + 1]) ? tokens[i].text : null);
  const small = (n: string | null, max: number) => n !== null && n.length <= max && (n === '0' || n[0] !== '0');
  for (let i = 0; i < tokens.length; i++) {
    const a = num(i);
    if (a === null || (sep(i - 1) && num(i - 2) !== null)) continue; // part of a longer chain
    const s1 = sep(i + 1);
    const b = s1 ? num(i + 2) : null;
    if (!s1 || b === null) continue;
    const s2 = sep(i + 3);
    const c = s2 === s1 ? num(i + 4) : null;
    const length = c === null ? 3 : 5;
    if (sep(i + length) && num(i + length + 1) !== null) continue;
    const isDate =
      c !== null &&
      ((a.length <= 2 && b.length <= 2 && (c.length === 2 || c.length === 4) && plausibleDayMonth(+a, +b)) ||
        (s1 === '-' && a.length === 4 && b.length === 2 && c.length === 2 && plausibleDayMonth(+c, +b)));
    const isDecimal = c === null && s1 === '.' && small(a, 3);
    const isScore = c === null && s1 === '/' && small(a, 3) && small(b, 3) && +a <= +b;
    if (isDate || isDecimal || isScore) marks.fill(true, i, i + length);
  }
  return marks;
}

const plausibleDayMonth = (a: number, b: number) =>
  a >= 1 && b >= 1 && ((a <= 31 && b <= 12) || (a <= 12 && b <= 31));
