import { describe, expect, it } from 'vitest';
import { describeVerification } from './log-verification';

describe('describeVerification', () => {
  it('says an intact log is intact, with its size', () => {
    expect(describeVerification({ ok: true, entries: 6, headHash: 'a'.repeat(64) })).toBe('Log intact (6 entries)');
    expect(describeVerification({ ok: true, entries: 1, headHash: 'a'.repeat(64) })).toBe('Log intact (1 entry)');
  });

  it('names the first altered entry and what is wrong with it', () => {
    expect(
      describeVerification({ ok: false, entries: 6, firstBroken: { id: 9, seq: 4, problem: 'content_changed' } }),
    ).toBe('Entry #4 has been altered (its content was changed)');
    expect(
      describeVerification({ ok: false, entries: 6, firstBroken: { id: 9, seq: 5, problem: 'sequence_gap' } }),
    ).toBe('Entry #5 has been altered (entries are missing before it)');
  });
});
