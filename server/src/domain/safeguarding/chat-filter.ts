/**
 * In-call chat moderation. Both ends of a call are children at different
 * schools, so chat must never carry a way to reach each other outside the
 * session, and worrying words must reach the safeguarding leads.
 *
 * The rules lean towards blocking: a blocked message costs a child a retype,
 * a missed phone number can cost much more. Everything here is a linear scan
 * over tokens or characters (no backtracking regexes), as it runs per message.
 */

export type ContactKind = 'phone' | 'email' | 'link' | 'social_handle';

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

const HOMOGLYPHS: Record<string, string> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ѕ: 's', ј: 'j', к: 'k',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u',
};
const DECIMAL_DIGIT = /^\p{Nd}$/u;

function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\p{Cf}\p{M}]/gu, '')
    .toLowerCase()
    .replace(/\P{ASCII}/gu, (ch) => HOMOGLYPHS[ch] ?? (DECIMAL_DIGIT.test(ch) ? asciiDigit(ch) : ch));
}

/** Unicode keeps each script's digits 0–9 contiguous, so a digit's value is its distance from the run's start. */
function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  let zero = cp;
  while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String((cp - zero) % 10);
}

// ── Tokens ─────────────────────────────────────────────────────────────────

interface Token {
  kind: 'word' | 'num' | 'punct';
  text: string;
  /** Whitespace (or the start of the message) comes before it. */
  spaced: boolean;
}

function tokenize(text: string): Token[] {
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
function joinSpelledOut(tokens: Token[]): Token[] {
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

const isAlnum = (t: Token | undefined): t is Token & { kind: 'word' | 'num' } => t?.kind === 'word' || t?.kind === 'num';
const glued = (t: Token | undefined): t is Token => t !== undefined && !t.spaced;
const wordAt = (tokens: Token[], i: number) => (tokens[i]?.kind === 'word' ? tokens[i].text : '');

/** Letters, digits, "_", "." and "-" run together from i, as a handle or email local part is written. */
function gluedSpan(tokens: Token[], i: number): string {
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

// ── Contact details ────────────────────────────────────────────────────────

function findContactDetails(tokens: Token[]): Set<ContactKind> {
  const found = new Set<ContactKind>();
  // Emails first, then links, so "sam@gmail.com" is one email and not also a link or a handle.
  const used: boolean[] = new Array<boolean>(tokens.length).fill(false);
  findEmails(tokens, used, found);
  findLinks(tokens, used, found);
  findHandles(tokens, used, found);
  if (hasPhoneNumber(tokens, used)) found.add('phone');
  return found;
}

const markUsed = (used: boolean[], from: number, to: number) => used.fill(true, Math.max(0, from), to);

// Top-level domains that are not English words, so "word.tld" is a link; "com", "net" and "org" even with
// spaces round the dot. Word-like ones ("me", "so", "it") only count with a path or as a known short link.
const TLDS = new Set('com net org uk co io ly gg tv xyz info biz app dev ru ie edu gov sch eu cn nz au fm tk'.split(' '));
const LOOSE_TLDS = new Set(['com', 'net', 'org']);
const WORDLIKE_TLDS = new Set('me us ca de fr it be to so is at no ai cc ws gl gd'.split(' '));
const SHORT_LINKS = new Set(['t.me', 'wa.me', 'm.me', 'ig.me', 'youtu.be', 'goo.gl']);
const MAIL_PROVIDERS = new Set(
  'gmail googlemail hotmail outlook yahoo icloud aol protonmail proton btinternet gmx yandex msn'.split(' '),
);
const BRACKETS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** Index after an "at"/"dot" marker at i: the symbol, the word, or the word in brackets; -1 if none. */
function markerEnd(tokens: Token[], i: number, word: 'at' | 'dot', symbol: '@' | '.'): number {
  const t = tokens[i];
  if (!t) return -1;
  if (t.text === symbol || t.text === word) return i + 1;
  const close = t.kind === 'punct' ? BRACKETS[t.text] : undefined;
  return close && tokens[i + 1]?.text === word && tokens[i + 2]?.text === close ? i + 3 : -1;
}

/** Index after a domain label at i ("my-site", "sam2"), or -1. */
function labelEnd(tokens: Token[], i: number): number {
  if (!isAlnum(tokens[i])) return -1;
  let j = i + 1;
  for (;;) {
    if (isAlnum(tokens[j]) && glued(tokens[j])) j++;
    else if (tokens[j]?.text === '-' && glued(tokens[j]) && isAlnum(tokens[j + 1]) && glued(tokens[j + 1])) j += 2;
    else return j;
  }
}

interface Domain {
  labels: string[];
  end: number;
  /** The dot before the last label was a "." with spaces round it, as in "gmail . com". */
  looseLastDot: boolean;
}

function parseDomain(tokens: Token[], i: number): Domain | null {
  let end = labelEnd(tokens, i);
  if (end < 0) return null;
  const labels = [tokens.slice(i, end).map((t) => t.text).join('')];
  let looseLastDot = false;
  for (;;) {
    const afterDot = markerEnd(tokens, end, 'dot', '.');
    const labelStop = afterDot < 0 ? -1 : labelEnd(tokens, afterDot);
    if (labelStop < 0) return { labels, end, looseLastDot };
    looseLastDot = tokens[end]!.text === '.' && (tokens[end]!.spaced || tokens[afterDot]!.spaced);
    labels.push(tokens.slice(afterDot, labelStop).map((t) => t.text).join(''));
    end = labelStop;
  }
}

const endsInTld = (d: Domain) =>
  d.labels.length >= 2 && TLDS.has(d.labels.at(-1)!) && (!d.looseLastDot || LOOSE_TLDS.has(d.labels.at(-1)!));

function findEmails(tokens: Token[], used: boolean[], found: Set<ContactKind>): void {
  for (let i = 1; i < tokens.length; i++) {
    const domainStart = markerEnd(tokens, i, 'at', '@');
    if (domainStart < 0 || !isAlnum(tokens[i - 1])) continue;
    const domain = parseDomain(tokens, domainStart);
    if (domain && (endsInTld(domain) || MAIL_PROVIDERS.has(domain.labels[0]!))) {
      found.add('email');
      markUsed(used, i - 1, domain.end);
    }
  }
}

function findLinks(tokens: Token[], used: boolean[], found: Set<ContactKind>): void {
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const word = wordAt(tokens, i);
    let end = -1;
    if (/^h[tx]{2}ps?$/.test(word) && glued(tokens[i + 1]) && ':/'.includes(tokens[i + 1]!.text)) end = i + 1;
    else if (word === 'www' && markerEnd(tokens, i + 1, 'dot', '.') > 0) end = i + 1;
    else {
      const domain = parseDomain(tokens, i);
      if (!domain || domain.labels.length < 2) continue;
      const last = domain.labels.at(-1)!;
      const hasPath = tokens[domain.end]?.text === '/' && glued(tokens[domain.end]);
      const wordlikeLink =
        WORDLIKE_TLDS.has(last) && (hasPath || SHORT_LINKS.has(domain.labels.slice(-2).join('.')));
      // A dotted run that is not a link from its start is not one from a later label either.
      if (!endsInTld(domain) && !wordlikeLink) {
        i = domain.end - 1;
        continue;
      }
      end = domain.end;
    }
    while (glued(tokens[end])) end++; // the rest of the address: path, query
    found.add('link');
    markUsed(used, i, end);
    i = end - 1;
  }
}

// ── Social handles ─────────────────────────────────────────────────────────

const PLATFORMS = new Set(
  ('snap snapchat sc insta instagram ig tiktok whatsapp discord telegram facebook fb messenger kik twitter ' +
    'twitch bereal wechat viber imessage facetime skype roblox xbox psn youtube').split(' '),
);
const ACCOUNT_WORDS = new Set(['username', 'gamertag', 'handle', 'ign']);
const EMAIL_WORDS = new Set(['email', 'gmail', 'hotmail', 'outlook', 'icloud', 'yahoo']);
const MINE = new Set(['my', 'ma', 'mi']);
const YOURS = new Set(['your', 'ur', 'yr', 'yor', 'youre']);
const AFTER_MINE = new Set(['is', 'name', 'username', 'handle', 'id', '=', ':', '@', '-']);
const CONTACT_VERBS = new Set(
  'add follow dm message msg text find hmu hit chat talk speak call ring send contact friend join meet sub subscribe'.split(
    ' ',
  ),
);
const BEFORE_PLATFORM = new Set(['on', 'at', 'via', 'over', 'through', 'thru', 'in', 'my', 'ur', 'your', 'me', 'u', 'you']);
const IMPERATIVES = new Set(['snap', 'whatsapp', 'facetime', 'imessage', 'dm', 'insta', 'discord', 'email']);
/** Things people write after "@" that are places and times, not accounts. */
const AT_WORDS = new Set(
  ('school home lunch lunchtime break breaktime the my your our work college uni library gym night noon midnight ' +
    'weekend least all once first last end start reg registration tutor assembly dinner tea practice training class period')
    .split(' '),
);
const TIME_LIKE = /^\d{1,2}([.:]\d\d)?(am|pm)?$/;

const looksLikeHandle = (span: string) => /\p{L}/u.test(span) && !TIME_LIKE.test(span);
/** With a space after "@" or after a platform name, only something that is clearly a username counts. */
const clearlyHandle = (span: string) => looksLikeHandle(span) && /[0-9_.]/.test(span);

function findHandles(tokens: Token[], used: boolean[], found: Set<ContactKind>): void {
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    const t = tokens[i]!;
    if (t.text === '@') {
      if (!t.spaced && isAlnum(tokens[i - 1])) continue; // "lunch@12": shorthand, not a handle
      const span = gluedSpan(tokens, i + 1);
      const next = tokens[i + 1];
      const handle = glued(next) ? looksLikeHandle(span) && !AT_WORDS.has(span) : clearlyHandle(span);
      if (handle) found.add('social_handle');
      continue;
    }
    if (t.kind !== 'word') continue;
    const kind = sharesAccount(tokens, i);
    if (kind) found.add(kind);
  }
}

/** Whether the word at i, with its neighbours, gives or asks for an account elsewhere. */
function sharesAccount(tokens: Token[], i: number): ContactKind | null {
  const word = tokens[i]!.text;
  const platform = PLATFORMS.has(word);
  const email = EMAIL_WORDS.has(word);
  const account = platform || email || ACCOUNT_WORDS.has(word);
  const kind: ContactKind = email ? 'email' : 'social_handle';
  const prev = wordAt(tokens, i - 1);
  const next = tokens[i + 1];
  if (IMPERATIVES.has(word) && ['me', 'us'].includes(wordAt(tokens, i + 1))) return kind; // "snap me"
  if (!account) return null;
  if (next && ':='.includes(next.text) && isAlnum(tokens[i + 2])) return kind; // "snap: sam", "ig: sam"
  if (YOURS.has(prev)) return kind; // "what's your snap"
  if (MINE.has(prev) && next && (AFTER_MINE.has(next.text) || next.text === "'")) return kind; // "my snap is"
  if (platform && clearlyHandle(gluedSpan(tokens, i + 1))) return kind; // "insta sam_2009"
  if (platform && BEFORE_PLATFORM.has(prev)) {
    // "add me on snap", "follow my insta", "we can chat on discord"
    for (let j = i - 2; j >= Math.max(0, i - 5); j--) if (CONTACT_VERBS.has(wordAt(tokens, j))) return kind;
  }
  return null;
}

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

function hasPhoneNumber(tokens: Token[], used: boolean[]): boolean {
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

function matchKeywords(clean: string, keywords: readonly string[]): string[] {
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
