import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  canonicalJson,
  entryHash,
  verifyChain,
  type ChainEntryContent,
  type StoredChainEntry,
} from './hash-chain.js';

const contentAt = (seq: number): ChainEntryContent => ({
  sessionId: 'occ-1',
  seq,
  type: seq % 2 ? 'SessionJoined' : 'SessionLeft',
  at: `2026-11-24T08:4${seq}:03.123Z`,
  actor: seq === 5 ? null : `stu-${seq % 2}`,
  deviceId: seq === 5 ? null : 'dev-1',
  detail: { role: 'mentee', n: seq },
});

/** Appends as the repository would: each entry continues from the previous hash. */
function buildChain(seqs: number[], start = GENESIS_HASH): StoredChainEntry[] {
  const chain: StoredChainEntry[] = [];
  let prevHash = start;
  for (const seq of seqs) {
    const content = contentAt(seq);
    const hash = entryHash(prevHash, content);
    chain.push({ ...content, id: 100 + seq, prevHash, hash });
    prevHash = hash;
  }
  return chain;
}

const fiveEntries = () => buildChain([1, 2, 3, 4, 5]);

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    const a = { b: 1, a: { y: [3, 1, { d: 1, c: 2 }], x: 'é' } };
    const b = { a: { x: 'é', y: [3, 1, { c: 2, d: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"x":"é","y":[3,1,{"c":2,"d":1}]},"b":1}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
  });

  it('writes no whitespace and escapes strings as JSON does', () => {
    expect(canonicalJson({ 'a b': 'line\n"quoted"', e: [], o: {} })).toBe('{"a b":"line\\n\\"quoted\\"","e":[],"o":{}}');
  });

  it.each([
    ['undefined at the top', undefined],
    ['undefined in an object', { a: undefined }],
    ['undefined in an array', [1, undefined]],
    ['a function', { f: () => 1 }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a bigint', { n: 1n }],
    ['a symbol', { s: Symbol('x') }],
    ['a Date (serialises lossily)', { at: new Date(0) }],
    ['a Map', { m: new Map() }],
  ])('rejects %s', (_label, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('rejects a cycle instead of overflowing the stack', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/refers back to itself/);
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });
});

describe('entryHash', () => {
  const vector: ChainEntryContent = {
    sessionId: 's-1',
    seq: 1,
    type: 'SessionJoined',
    at: '2026-11-24T08:41:03.123Z',
    actor: 'stu-1',
    deviceId: 'dev-1',
    detail: { role: 'mentee', b: [1, { z: true, a: null }] },
  };

  it('matches a fixed vector computed independently (sha256 of genesis, newline, canonical JSON)', () => {
    expect(entryHash(GENESIS_HASH, vector)).toBe('ba671601ae32cc3d10ff8b3fed4da0368a9dd7b0a515fe400dbe51de25549b18');
  });

  it('ignores the stored id, prevHash and hash of an entry passed in whole', () => {
    const stored = { ...vector, id: 7, prevHash: GENESIS_HASH, hash: 'x' };
    expect(entryHash(GENESIS_HASH, stored)).toBe(entryHash(GENESIS_HASH, vector));
  });

  it('depends on the previous hash', () => {
    expect(entryHash('f'.repeat(64), vector)).not.toBe(entryHash(GENESIS_HASH, vector));
  });

  it('refuses a malformed previous hash', () => {
    expect(() => entryHash('abc', vector)).toThrow(TypeError);
    expect(() => entryHash('F'.repeat(64), vector)).toThrow(TypeError);
  });

  it('genesis is 64 zeros', () => {
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
  });
});

describe('verifyChain', () => {
  it('verifies an untouched chain and returns its head', () => {
    const chain = fiveEntries();
    expect(verifyChain(chain)).toEqual({ ok: true, entries: 5, headHash: chain[4]!.hash });
  });

  it('verifies an empty chain with the genesis hash as head', () => {
    expect(verifyChain([])).toEqual({ ok: true, entries: 0, headHash: GENESIS_HASH });
  });

  it('still verifies after jsonb reorders the keys of detail', () => {
    const chain = fiveEntries();
    chain[2] = { ...chain[2]!, detail: { n: 3, role: 'mentee' } };
    expect(verifyChain(chain).ok).toBe(true);
  });

  const edits: Array<[string, (e: StoredChainEntry) => StoredChainEntry]> = [
    ['detail', (e) => ({ ...e, detail: { ...e.detail, role: 'mentor' } })],
    ['a nested detail value added', (e) => ({ ...e, detail: { ...e.detail, extra: { a: 1 } } })],
    ['type', (e) => ({ ...e, type: 'ConcernRaised' })],
    ['at', (e) => ({ ...e, at: '2026-11-24T08:43:04.123Z' })],
    ['actor', (e) => ({ ...e, actor: 'stu-9' })],
    ['actor to null', (e) => ({ ...e, actor: null })],
    ['deviceId', (e) => ({ ...e, deviceId: 'dev-2' })],
    ['sessionId', (e) => ({ ...e, sessionId: 'occ-2' })],
    ['the stored hash itself', (e) => ({ ...e, hash: 'a'.repeat(64) })],
  ];

  it.each(edits)('names the edited entry as content_changed when its %s changes', (_field, edit) => {
    const chain = fiveEntries();
    chain[2] = edit(chain[2]!);
    expect(verifyChain(chain)).toEqual({
      ok: false,
      entries: 5,
      firstBroken: { id: 103, seq: 3, problem: 'content_changed' },
    });
  });

  it('names the next entry as link_broken when the edited entry was re-hashed', () => {
    const chain = fiveEntries();
    const edited = { ...chain[2]!, detail: { role: 'mentor', n: 3 } };
    chain[2] = { ...edited, hash: entryHash(edited.prevHash, edited) };
    expect(verifyChain(chain)).toEqual({
      ok: false,
      entries: 5,
      firstBroken: { id: 104, seq: 4, problem: 'link_broken' },
    });
  });

  it('names the entry whose prevHash was overwritten as link_broken', () => {
    const chain = fiveEntries();
    chain[1] = { ...chain[1]!, prevHash: 'b'.repeat(64) };
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBroken: { seq: 2, problem: 'link_broken' } });
  });

  it('names the entry after a deleted middle row as sequence_gap', () => {
    const chain = fiveEntries();
    chain.splice(2, 1);
    expect(verifyChain(chain)).toEqual({
      ok: false,
      entries: 4,
      firstBroken: { id: 104, seq: 4, problem: 'sequence_gap' },
    });
  });

  it('names the new first entry as sequence_gap when the first row was deleted without an anchor', () => {
    const chain = fiveEntries().slice(1);
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBroken: { seq: 2, problem: 'sequence_gap' } });
  });

  it('catches two rows swapped', () => {
    const chain = fiveEntries();
    [chain[1], chain[2]] = [chain[2]!, chain[1]!];
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBroken: { seq: 3, problem: 'sequence_gap' } });
  });

  it('catches a renumbered row', () => {
    const chain = fiveEntries();
    chain[3] = { ...chain[3]!, seq: 5 };
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBroken: { id: 104, problem: 'sequence_gap' } });
  });

  it('reports only the first break when several rows were changed', () => {
    const chain = fiveEntries();
    chain[1] = { ...chain[1]!, type: 'X' };
    chain[3] = { ...chain[3]!, type: 'Y' };
    expect(verifyChain(chain)).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
  });

  it('cannot see rows dropped from the end, which is why the head is returned for comparison', () => {
    const chain = fiveEntries();
    const result = verifyChain(chain.slice(0, 3));
    expect(result).toEqual({ ok: true, entries: 3, headHash: chain[2]!.hash });
    expect(result.ok && result.headHash).not.toBe(chain[4]!.hash);
  });

  describe('after a purge', () => {
    const full = fiveEntries();
    const anchor = { prevHash: full[1]!.hash, seq: 2 };
    const remaining = full.slice(2);

    it('verifies the remaining entries from the anchor', () => {
      expect(verifyChain(remaining, anchor)).toEqual({ ok: true, entries: 3, headHash: full[4]!.hash });
    });

    it('with nothing left, the anchor is the head', () => {
      expect(verifyChain([], anchor)).toEqual({ ok: true, entries: 0, headHash: anchor.prevHash });
    });

    it('names the first remaining entry as link_broken when the anchor hash does not match', () => {
      expect(verifyChain(remaining, { ...anchor, prevHash: 'c'.repeat(64) })).toMatchObject({
        ok: false,
        firstBroken: { seq: 3, problem: 'link_broken' },
      });
    });

    it('names the first remaining entry as sequence_gap when more was removed than the anchor says', () => {
      expect(verifyChain(full.slice(3), anchor)).toMatchObject({
        ok: false,
        firstBroken: { seq: 4, problem: 'sequence_gap' },
      });
    });

    it('refuses a malformed anchor', () => {
      expect(() => verifyChain(remaining, { prevHash: 'nope', seq: 2 })).toThrow(TypeError);
    });
  });
});
