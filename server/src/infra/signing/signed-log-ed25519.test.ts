import { describe, expect, it } from 'vitest';
import { Ed25519KeyRing, generateEd25519PrivatePem } from './ed25519-key-ring.js';
import { entryHash, GENESIS_HASH } from '../../domain/audit/hash-chain.js';
import { checkpointSigningMessage, entrySigningMessage, verifySignedLog, type SignedCheckpoint, type SignedEntry } from '../../domain/audit/signed-log.js';

const keys = new Ed25519KeyRing(generateEd25519PrivatePem());
const forger = new Ed25519KeyRing(generateEd25519PrivatePem());
const SESSION = 'occ-1';

/** Writes entries as the repository does: chained, each hash signed with `signer`. */
function write(seqs: number[], signer = keys, start = GENESIS_HASH): SignedEntry[] {
  let prevHash = start;
  return seqs.map((seq) => {
    const content = { sessionId: SESSION, seq, type: 'SessionJoined', at: `2026-11-25T10:0${seq}:00.000Z`, actor: 'stu-1', deviceId: null, detail: { n: seq } };
    const hash = entryHash(prevHash, content);
    const { keyId, signature } = signer.sign(entrySigningMessage({ ...content, hash }));
    const entry = { ...content, id: seq, prevHash, hash, keyId, signature };
    prevHash = hash;
    return entry;
  });
}

function checkpoint(number: number, head: SignedEntry, reason: SignedCheckpoint['reason'] = 'session_ended', signer = keys): SignedCheckpoint {
  const content = { sessionId: SESSION, number, seq: head.seq, headHash: head.hash, reason, at: '2026-11-25T11:00:00.000Z' };
  return { ...content, ...signer.sign(checkpointSigningMessage(content)) };
}

const verify = (entries: SignedEntry[], checkpoints: SignedCheckpoint[] = [], anchor?: { seq: number; hash: string }) =>
  verifySignedLog({ sessionId: SESSION, entries, checkpoints, anchor, checker: keys });

describe('verifySignedLog', () => {
  it('passes an untouched, checkpointed log', () => {
    const log = write([1, 2, 3, 4, 5]);
    expect(verify(log, [checkpoint(1, log[4]!)])).toMatchObject({ ok: true, entries: 5, headSeq: 5, checkpoints: 1 });
  });

  it('names a rewritten entry whose later hashes were all recomputed: its signature no longer matches', () => {
    const log = write([1, 2, 3, 4, 5]);
    const rewritten = [...log.slice(0, 2)];
    let prevHash = log[1]!.hash;
    for (const e of log.slice(2)) {
      const changed = { ...e, prevHash, detail: e.seq === 3 ? { n: 'nothing happened' } : e.detail };
      const hash = entryHash(prevHash, changed);
      rewritten.push({ ...changed, hash });
      prevHash = hash;
    }
    expect(verify(rewritten).firstBroken).toMatchObject({ seq: 3, problem: 'bad_signature', message: expect.stringMatching(/Entry #3/) });
  });

  it('names a well-chained entry inserted without the key, signed or not', () => {
    const log = write([1, 2, 3]);
    const [forged] = write([4], forger, log[2]!.hash);
    expect(verify([...log, forged!]).firstBroken).toMatchObject({ seq: 4, problem: 'unknown_key' });
    expect(verify([...log, { ...forged!, keyId: keys.keyId }]).firstBroken).toMatchObject({ seq: 4, problem: 'bad_signature' });
    expect(verify([...log, { ...forged!, keyId: null, signature: null }]).firstBroken).toMatchObject({ seq: 4, problem: 'unsigned' });
  });

  it('reports entries missing from the end against the newest checkpoint', () => {
    const log = write([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const result = verify(log.slice(0, 9), [checkpoint(1, log[5]!, 'call_closed'), checkpoint(2, log[11]!)]);
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toBeUndefined();
    expect(result.missingTail).toEqual({
      count: 3,
      lastPresentSeq: 9,
      checkpoint: 2,
      checkpointSeq: 12,
      message: '3 entries are missing after entry #9: checkpoint 2 (session ended) vouches for entries up to #12.',
    });
  });

  it('ignores a forged checkpoint, and says so', () => {
    const log = write([1, 2, 3]);
    const result = verify(log, [checkpoint(1, log[2]!), { ...checkpoint(2, { ...log[2]!, seq: 9 }), signature: checkpoint(1, log[2]!).signature }]);
    expect(result).toMatchObject({ ok: false, badCheckpoint: { number: 2, problem: 'bad_signature' } });
    expect(result.missingTail).toBeUndefined();
  });

  it('accepts what a purge left only with a signed purge checkpoint at the anchor', () => {
    const log = write([1, 2, 3, 4]);
    const anchor = { seq: 2, hash: log[1]!.hash };
    expect(verify(log.slice(2), [checkpoint(1, log[1]!, 'purged')], anchor).ok).toBe(true);
    expect(verify(log.slice(2), [], anchor)).toMatchObject({ ok: false, unsignedAnchor: { seq: 2 } });
  });

  it('still verifies entries signed with a key since retired', () => {
    const oldKey = new Ed25519KeyRing(generateEd25519PrivatePem());
    const log = write([1, 2], oldKey);
    const rotated = new Ed25519KeyRing(generateEd25519PrivatePem(), [oldKey.currentPublicKey()]);
    expect(verifySignedLog({ sessionId: SESSION, entries: log, checkpoints: [], checker: rotated }).ok).toBe(true);
  });
});
