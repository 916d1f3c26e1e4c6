import { glued, gluedSpan, isAlnum, wordAt, type Token } from './chat-text.js';
import { hasPhoneNumber } from './phone-numbers.js';

// ── Contact details ────────────────────────────────────────────────────────

/** The ways one child could reach another outside the session, as the chat filter names them. */
export type ContactKind = 'phone' | 'email' | 'link' | 'social_handle';

export function findContactDetails(tokens: Token[]): Set<ContactKind> {
  const found = new Set<ContactKind>();
  // Emails first, then links, so "sam@gmail.com" is one email and not also a link or a handle.
  const used: boolean[] = new Array<boolean>(tokens.length).fill(false);
  findEmails(tokens, used, found);
  findLinks(tokens, used, found);
  findHandles(tokens, used, found);
  if (hasPhoneNumber(tokens, used)) found.add('phone');
  return found;
}

export const markUsed = (used: boolean[], from: number, to: number) => used.fill(true, Math.max(0, from), to);

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
