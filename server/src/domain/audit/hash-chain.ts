import { createHash } from 'node:crypto';

/**
 * A session's event log as a hash chain: each entry's hash covers the hash of
 * the entry before it, so a row edited, removed or reordered directly in the
 * database no longer verifies. It proves integrity of what is stored, not
 * completeness at the tail: dropping the newest rows leaves a valid shorter
 * chain, so callers that need that guarantee compare `headHash` with a head
 * recorded elsewhere.
 */
export interface ChainEntryContent {
  sessionId: string;
  /** 1, 2, 3… within the session. */
  seq: number;
  type: string;
  /** ISO instant. Hashed as text, so it must be stored and read back in exactly this form. */
  at: string;
  /** Student or staff id; null for system events. */
  actor: string | null;
  deviceId: string | null;
  detail: Record<string, unknown>;
}

export interface StoredChainEntry extends ChainEntryContent {
  id: string | number;
  prevHash: string;
  hash: string;
}

export type ChainProblem = 'content_changed' | 'link_broken' | 'sequence_gap';

export type ChainVerification =
  | { ok: true; entries: number; headHash: string }
  | { ok: false; entries: number; firstBroken: { id: string | number; seq: number; problem: ChainProblem } };

export const GENESIS_HASH = '0'.repeat(64);

const HASH_FORMAT = /^[0-9a-f]{64}$/;

/**
 * JSON with object keys sorted (by UTF-16 code unit, as JCS does) and no
 * whitespace, so the same content hashes the same however it was built or
 * however the database reordered a jsonb object. Values JSON cannot carry
 * faithfully are refused rather than silently dropped or turned into null,
 * because a value that changes on the way into storage would later look like
 * tampering.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}

function write(value: unknown, path: string, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is not a finite number`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: ${path} is ${typeof value}, which JSON cannot represent`);
  }
  const object = value as object;
  if (ancestors.has(object)) throw new TypeError(`canonicalJson: ${path} refers back to itself`);
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      return `[${object.map((item, i) => write(item, `${path}[${i}]`, ancestors)).join(',')}]`;
    }
    // Dates, Maps and class instances serialise lossily or not at all; callers convert them first.
    const proto = Object.getPrototypeOf(object) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`canonicalJson: ${path} is not a plain object`);
    }
    const record = object as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, ancestors)}`);
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}

/**
 * The one link hash every chained log uses (the session log, the staff audit
 * trail): sha256 (hex) of the previous entry's hash, a newline, and the
 * entry's canonical content.
 */
export function linkHash(prevHash: string, content: Record<string, unknown>): string {
  if (!HASH_FORMAT.test(prevHash)) throw new TypeError('linkHash: prevHash must be 64 lowercase hex characters');
  return createHash('sha256').update(`${prevHash}\n${canonicalJson(content)}`, 'utf8').digest('hex');
}

/** A session log entry's hash: its content fields linked to the entry before. */
export function entryHash(prevHash: string, content: ChainEntryContent): string {
  // Pick the fields explicitly: a StoredChainEntry passed in must not hash its own id or hash.
  const { sessionId, seq, type, at, actor, deviceId, detail } = content;
  return linkHash(prevHash, { sessionId, seq, type, at, actor, deviceId, detail });
}

/** What every chained entry carries, whatever its content: its place in the run and its links. */
export interface ChainLink {
  id: string | number;
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Walks the entries (in seq order) and names the first one that breaks the
 * chain. Checks run sequence, then link, then content, so a deleted row is
 * reported as a `sequence_gap` on the row after it (it also breaks the link,
 * but "rows are missing here" is the more useful thing to tell a DSL), and a
 * row whose content was edited and then re-hashed shows up as `link_broken`
 * on the row after it. `entries` is always the number of entries given.
 * `anchor` is where the first remaining entry continues from after a purge:
 * the hash and seq of the last purged entry.
 */
export function verifyChain(
  entries: readonly StoredChainEntry[],
  anchor?: { prevHash: string; seq: number },
): ChainVerification {
  return verifyLinks(entries, (entry) => entryHash(entry.prevHash, entry), anchor);
}

/** The walk behind `verifyChain`, for any chained log: `hashOf` recomputes an entry's hash from its content. */
export function verifyLinks<E extends ChainLink>(
  entries: readonly E[],
  hashOf: (entry: E) => string,
  anchor?: { prevHash: string; seq: number },
): ChainVerification {
  if (anchor && !HASH_FORMAT.test(anchor.prevHash)) {
    throw new TypeError('verifyChain: anchor.prevHash must be 64 lowercase hex characters');
  }
  let expectedPrev = anchor?.prevHash ?? GENESIS_HASH;
  let expectedSeq = (anchor?.seq ?? 0) + 1;
  for (const entry of entries) {
    const problem = problemWith(entry, hashOf, expectedPrev, expectedSeq);
    if (problem) {
      return { ok: false, entries: entries.length, firstBroken: { id: entry.id, seq: entry.seq, problem } };
    }
    expectedPrev = entry.hash;
    expectedSeq = entry.seq + 1;
  }
  return { ok: true, entries: entries.length, headHash: expectedPrev };
}

function problemWith<E extends ChainLink>(entry: E, hashOf: (entry: E) => string, expectedPrev: string, expectedSeq: number): ChainProblem | null {
  if (entry.seq !== expectedSeq) return 'sequence_gap';
  if (entry.prevHash !== expectedPrev) return 'link_broken';
  // expectedPrev is genesis, a checked anchor or a hash that verified, so a malformed prevHash never gets here.
  return entry.hash === hashOf(entry) ? null : 'content_changed';
}
