import { canonicalJson, GENESIS_HASH, entryHash, type StoredChainEntry } from './hash-chain.js';
import type { Signature, SignatureChecker } from './signature.js';

/**
 * The session log, signed. The hash chain alone cannot stop someone who may
 * write to the database: they can rewrite an entry and recompute every later
 * hash, insert a well-chained entry, or drop the newest rows. So the server
 * also signs, with a key the database never holds,
 *  - every entry's hash (a rewritten or inserted entry has no valid signature), and
 *  - checkpoints: "entry N is the head, with this hash", when a session ends,
 *    before it is purged and when it is exported (rows dropped from the end
 *    leave a checkpoint pointing past the log).
 * The messages carry a context prefix so no signature can be replayed as another kind.
 */

export interface SignedEntry extends StoredChainEntry {
  keyId: string | null;
  signature: string | null;
}

export type CheckpointReason = 'session_ended' | 'call_closed' | 'purged' | 'exported';

export interface CheckpointContent {
  sessionId: string;
  /** 1, 2, 3… within the session. */
  number: number;
  /** The head entry's seq and hash at the time. */
  seq: number;
  headHash: string;
  reason: CheckpointReason;
  /** ISO instant. */
  at: string;
}

export interface SignedCheckpoint extends CheckpointContent, Signature {}

export function entrySigningMessage(entry: { sessionId: string; seq: number; hash: string }): string {
  return `peerbridge/session-log-entry/v1\n${entry.sessionId}\n${entry.seq}\n${entry.hash}`;
}

export function checkpointSigningMessage(c: CheckpointContent): string {
  const { sessionId, number, seq, headHash, reason, at } = c;
  return `peerbridge/session-log-checkpoint/v1\n${canonicalJson({ sessionId, number, seq, headHash, reason, at })}`;
}

export type EntryProblem = 'sequence_gap' | 'link_broken' | 'content_changed' | 'unsigned' | 'unknown_key' | 'bad_signature' | 'checkpoint_mismatch';

export interface LogVerification {
  ok: boolean;
  entries: number;
  /** The last entry that verified, or where the purge left the chain. */
  headSeq: number;
  headHash: string;
  checkpoints: number;
  firstBroken?: { id: string | number; seq: number; problem: EntryProblem; message: string };
  missingTail?: { count: number; lastPresentSeq: number; checkpoint: number; checkpointSeq: number; message: string };
  badCheckpoint?: { number: number; problem: 'bad_signature' | 'unknown_key' | 'wrong_session'; message: string };
  /** A purge anchor with no signed purge checkpoint to match: someone deleted the start of the log. */
  unsignedAnchor?: { seq: number; message: string };
  /** One sentence for a safeguarding lead. */
  message: string;
}

const entryMessages: Record<EntryProblem, (seq: number) => string> = {
  sequence_gap: (seq) => `Entry #${seq} does not follow the entry before it: entries are missing or were reordered before it.`,
  link_broken: (seq) => `Entry #${seq} does not link to the entry before it: that entry was changed.`,
  content_changed: (seq) => `Entry #${seq} was changed after it was written.`,
  unsigned: (seq) => `Entry #${seq} carries no signature: it was not written by Peerbridge.`,
  unknown_key: (seq) => `Entry #${seq} is signed with a key this server has never used.`,
  bad_signature: (seq) => `Entry #${seq} has a signature that does not match: it was forged or rewritten.`,
  checkpoint_mismatch: (seq) => `Entry #${seq} is not the entry a signed checkpoint recorded.`,
};

function entryProblem(entry: SignedEntry, expectedPrev: string, expectedSeq: number, checker: SignatureChecker): EntryProblem | null {
  if (entry.seq !== expectedSeq) return 'sequence_gap';
  if (entry.prevHash !== expectedPrev) return 'link_broken';
  if (!/^[0-9a-f]{64}$/.test(entry.hash) || entry.hash !== entryHash(entry.prevHash, entry)) return 'content_changed';
  if (!entry.keyId || !entry.signature) return 'unsigned';
  const signed = checker.check(entrySigningMessage(entry), { keyId: entry.keyId, signature: entry.signature });
  return signed === 'valid' ? null : signed === 'unknown_key' ? 'unknown_key' : 'bad_signature';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Verifies one session's log: entries in seq order, the purge anchor if any,
 * and its checkpoints. Names the first bad entry, and entries missing from
 * the end ("3 entries are missing after entry #9 …").
 */
export function verifySignedLog(input: {
  sessionId: string;
  entries: readonly SignedEntry[];
  anchor?: { seq: number; hash: string } | undefined;
  checkpoints: readonly SignedCheckpoint[];
  checker: SignatureChecker;
}): LogVerification {
  const { sessionId, entries, anchor, checker } = input;
  const result: LogVerification = { ok: true, entries: entries.length, headSeq: anchor?.seq ?? 0, headHash: anchor?.hash ?? GENESIS_HASH, checkpoints: input.checkpoints.length, message: '' };

  const trusted: SignedCheckpoint[] = [];
  for (const cp of [...input.checkpoints].sort((a, b) => a.number - b.number)) {
    const signed = cp.sessionId !== sessionId ? 'wrong_session' : checker.check(checkpointSigningMessage(cp), cp);
    if (signed === 'valid') trusted.push(cp);
    else if (!result.badCheckpoint) {
      const problem = signed === 'invalid' ? 'bad_signature' : signed;
      result.badCheckpoint = { number: cp.number, problem, message: `Checkpoint ${cp.number} is not a genuine Peerbridge checkpoint (${problem.replace('_', ' ')}).` };
    }
  }

  if (anchor && !trusted.some((cp) => cp.reason === 'purged' && cp.seq === anchor.seq && cp.headHash === anchor.hash)) {
    result.unsignedAnchor = { seq: anchor.seq, message: `Entries up to #${anchor.seq} are gone, and no signed purge checkpoint says the retention policy removed them.` };
  }

  const vouched = new Map(trusted.map((cp) => [cp.seq, cp]));
  let expectedPrev = result.headHash;
  let expectedSeq = result.headSeq + 1;
  for (const entry of entries) {
    let problem = entryProblem(entry, expectedPrev, expectedSeq, checker);
    const cp = vouched.get(entry.seq);
    if (!problem && cp && cp.headHash !== entry.hash) problem = 'checkpoint_mismatch';
    if (problem) {
      result.firstBroken = { id: entry.id, seq: entry.seq, problem, message: entryMessages[problem](entry.seq) };
      break;
    }
    expectedPrev = entry.hash;
    expectedSeq = entry.seq + 1;
    result.headSeq = entry.seq;
    result.headHash = entry.hash;
  }

  const lastPresentSeq = entries.at(-1)?.seq ?? anchor?.seq ?? 0;
  const furthest = trusted.reduce<SignedCheckpoint | undefined>((best, cp) => (!best || cp.seq > best.seq ? cp : best), undefined);
  if (furthest && furthest.seq > lastPresentSeq) {
    const count = furthest.seq - lastPresentSeq;
    result.missingTail = {
      count,
      lastPresentSeq,
      checkpoint: furthest.number,
      checkpointSeq: furthest.seq,
      message: `${plural(count, 'entry is', 'entries are')} missing after entry #${lastPresentSeq}: checkpoint ${furthest.number} (${furthest.reason.replace('_', ' ')}) vouches for entries up to #${furthest.seq}.`,
    };
  }

  const problems = [result.firstBroken?.message, result.missingTail?.message, result.unsignedAnchor?.message, result.badCheckpoint?.message].filter(Boolean);
  result.ok = problems.length === 0;
  result.message = result.ok
    ? `Log intact: ${plural(entries.length, 'entry', 'entries')}, every one signed${trusted.length ? `, ${plural(trusted.length, 'checkpoint', 'checkpoints')}` : ''}.`
    : problems.join(' ');
  return result;
}
