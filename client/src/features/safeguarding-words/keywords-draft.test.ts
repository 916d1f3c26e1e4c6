import { describe, expect, it } from 'vitest';
import { changeSummary, checkWords, draftFromWords } from './keywords-draft';

describe('the safeguarding words box', () => {
  it('keeps one phrase per line, trimmed, skipping blank lines', () => {
    expect(checkWords('  peng \n\nlink up\n')).toEqual({ ok: true, keywords: ['peng', 'link up'] });
    expect(draftFromWords(['peng', 'link up'])).toBe('peng\nlink up');
  });

  it('names the line of a repeat or a phrase too short, as the DSL sees the box', () => {
    expect(checkWords('peng\n\nPeng')).toEqual({ ok: false, message: 'Line 3 (“Peng”) repeats "peng".' });
    expect(checkWords('a')).toEqual({ ok: false, message: 'Line 1 (“a”) must be at least 2 characters.' });
    expect(checkWords('  \n ')).toEqual({ ok: false, message: 'Add at least one word or phrase, or use the default list.' });
  });

  it('says what a save changes', () => {
    expect(changeSummary(['a b', 'knife'], ['A  B', 'opps', 'peng'])).toBe('2 added, 1 removed');
    expect(changeSummary(['x'], ['x'])).toBe('No change');
  });
});
