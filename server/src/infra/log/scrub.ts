import { constants } from 'node:os';
import { ErrorCode } from '@peerbridge/shared';

/**
 * Removes secrets from whatever is about to be logged. It works on shapes,
 * not on callers' good manners: any value under a secret-sounding key, any
 * query value whose name is not known to be harmless, any path segment that
 * is not a route word, an id or a number, and anything shaped like a bearer
 * or signed token inside free text.
 */
export const CENSOR = '[redacted]';

/** Keys whose value is a credential wherever they appear (compared lower-cased, without - and _). */
const SECRET_KEYS = new Set(
  [
    'authorization',
    'proxy-authorization',
    'cookie',
    'set-cookie',
    'auth',
    'password',
    'newPassword',
    'currentPassword',
    'passwordHash',
    'pin',
    'pinHash',
    'token',
    'deviceToken',
    'joinToken',
    'sessionToken',
    'accessToken',
    'refreshToken',
    'feedToken',
    'setupCode',
    'enrolmentCode',
    'recoveryCode',
    'recoveryCodes',
    'totp',
    'otp',
    'secret',
    'sessionSecret',
    'turnSecret',
    'credential',
    'x-api-key',
  ].map(normaliseKey),
);

/** Keys whose value is a URL or path: scrubbed as one, keeping what helps to read the log. */
const URL_KEYS = new Set(['url', 'originalUrl', 'path', 'href', 'referer', 'referrer', 'location', 'baseUrl'].map(normaliseKey));

/** Query parameters of our own routes that never carry a secret; every other value is censored. */
const HARMLESS_QUERY = new Set(['dryRun', 'from', 'to', 'status', 'EIO', 'transport']);

/**
 * `code` is both our error vocabulary (kept: it is what an operator searches
 * for) and the name a set-up or enrolment code travels under (censored).
 */
const ERRNO_NAMES = new Set(Object.keys(constants.errno));
function isHarmlessCode(value: string): boolean {
  return (
    ErrorCode.safeParse(value).success ||
    /^[0-9][0-9A-Z]{4}$/.test(value) || // PostgreSQL SQLSTATE
    /^ERR_[A-Z0-9_]+$/.test(value) || // Node.js error codes
    ERRNO_NAMES.has(value)
  );
}

/** A path segment is kept only when it is plainly not a credential. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ROUTE_WORD = /^[a-z]+(?:[.-][a-z]+)*$/;
function scrubSegment(segment: string): string {
  if (segment === '' || UUID.test(segment) || /^[0-9]{1,12}$/.test(segment)) return segment;
  if (segment.length <= 40 && ROUTE_WORD.test(segment)) return segment;
  return CENSOR;
}

/** A parameter's name is kept (it says what was sent) unless it could itself be a secret. */
const QUERY_NAME = /^[A-Za-z][A-Za-z_-]{0,31}$/;

/** `/calendar/<secret>.ics?x=1&dryRun=true#frag` → `/calendar/[redacted]?x=[redacted]&dryRun=true`. */
export function scrubUrl(url: string): string {
  const withoutFragment = url.split('#')[0]!;
  const queryAt = withoutFragment.indexOf('?');
  const pathPart = queryAt < 0 ? withoutFragment : withoutFragment.slice(0, queryAt);
  const queryPart = queryAt < 0 ? undefined : withoutFragment.slice(queryAt + 1);

  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(pathPart)?.[0] ?? '';
  const scrubbedOrigin = origin.replace(/\/\/[^@/]*@/, `//${CENSOR}@`);
  const scrubbedPath = pathPart.slice(origin.length).split('/').map(scrubSegment).join('/');
  if (queryPart === undefined) return scrubbedOrigin + scrubbedPath;

  const scrubbedQuery = queryPart
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      if (eq < 0) return HARMLESS_QUERY.has(name) ? name : CENSOR;
      return HARMLESS_QUERY.has(name) ? pair : `${QUERY_NAME.test(name) ? name : CENSOR}=${CENSOR}`;
    })
    .join('&');
  return `${scrubbedOrigin + scrubbedPath}?${scrubbedQuery}`;
}

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;
const COOKIE_PAIR = /\b(pb_[a-z_]+)=[^\s;"',]+/g;
/** A URL, or a path after a space or quote (e.g. "No such endpoint: GET /api/…"). */
const URL_OR_PATH = /(?:[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+|(?<=^|[\s"'(=])\/[^\s"'<>]*)/gi;

/**
 * What every one of the patterns above needs somewhere in the text ("eyJ", Bearer or Basic, "pb_", or a
 * slash): text without any of them (most header values, every message) is returned as it is, unscanned.
 */
const MIGHT_HOLD_SECRET = /eyJ|bearer|basic|pb_|\//i;

/** Free text (messages, reasons, stacks): tokens and URLs inside it are scrubbed. */
export function scrubText(text: string): string {
  if (!MIGHT_HOLD_SECRET.test(text)) return text;
  return text
    .replace(JWT, CENSOR)
    .replace(BEARER, (_m, scheme: string) => `${scheme} ${CENSOR}`)
    .replace(COOKIE_PAIR, (_m, name: string) => `${name}=${CENSOR}`)
    .replace(URL_OR_PATH, scrubUrl);
}

/** A stack keeps its file paths readable; only its message line can carry a request's URL. */
function scrubStack(stack: string): string {
  const framesAt = stack.indexOf('\n    at ');
  if (framesAt < 0) return scrubText(stack);
  const frames = stack.slice(framesAt).replace(JWT, CENSOR).replace(BEARER, (_m, scheme: string) => `${scheme} ${CENSOR}`);
  return scrubText(stack.slice(0, framesAt)) + frames;
}

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/**
 * Log records use the same few hundred keys over and over (fields, header names); each is normalised once.
 * Bounded, since a record may carry keys from outside (a header name): past the bound it starts again.
 */
const NORMALISED_KEYS_KEPT = 2_000;
const normalisedKeys = new Map<string, string>();
function normalisedKey(key: string): string {
  let normalised = normalisedKeys.get(key);
  if (normalised === undefined) {
    if (normalisedKeys.size >= NORMALISED_KEYS_KEPT) normalisedKeys.clear();
    normalised = normaliseKey(key);
    normalisedKeys.set(key, normalised);
  }
  return normalised;
}

const MAX_DEPTH = 12;

/** Deep copy of a log record with every secret censored. */
export function scrubValue(value: unknown, key?: string, depth = 0): unknown {
  const normalised = key === undefined ? undefined : normalisedKey(key);
  if (normalised !== undefined && SECRET_KEYS.has(normalised)) {
    return value === undefined || value === null || value === '' ? value : CENSOR;
  }
  if (typeof value === 'string') {
    if (normalised === 'code') return isHarmlessCode(value) ? value : CENSOR;
    if (normalised !== undefined && URL_KEYS.has(normalised)) return scrubUrl(value);
    if (normalised === 'stack') return scrubStack(value);
    return scrubText(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return CENSOR;
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, key, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, k, depth + 1);
  return out;
}
