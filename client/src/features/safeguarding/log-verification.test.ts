import { describe, expect, it } from 'vitest';
import { describeVerification } from './log-verification';

const intact = (entries: number) => ({ ok: true, entries, headSeq: entries, headHash: 'a'.repeat(64), checkpoints: 1, message: 'Log intact' });

describe('describeVerification', () => {
  it('says an intact log is intact, with its size', () => {
    expect(describeVerification(intact(6))).toBe('Log intact (6 entries)');
    expect(describeVerification(intact(1))).toBe('Log intact (1 entry)');
  });

  it("quotes the server's sentence naming the first bad entry or the missing ones", () => {
    const message = '3 entries are missing after entry #9: checkpoint 2 (session ended) vouches for entries up to #12.';
    expect(describeVerification({ ...intact(9), ok: false, message })).toBe(message);
  });
});
