import { describe, expect, it } from 'vitest';
import { addSubject, normaliseSubject, suggestionsFor } from './subject-chips';

describe('subject chips', () => {
  it('keeps subjects the way the matcher compares them', () => {
    expect(normaliseSubject('  English :  Poetry ')).toBe('english:poetry');
    expect(addSubject(['maths'], 'English: Poetry')).toEqual({ list: ['maths', 'english:poetry'] });
    expect(addSubject(['maths'], 'Maths')).toEqual({ list: ['maths'] });
  });

  it('says why a subject cannot be added', () => {
    expect(addSubject([], '  ')).toEqual({ error: 'Type a subject first.' });
    expect(addSubject([], '3D art')).toEqual({ error: '“3D art” must look like "maths" or "english:poetry".' });
    expect(addSubject(Array.from({ length: 20 }, (_, i) => `s${'x'.repeat(i)}`), 'maths')).toEqual({ error: 'At most 20 subjects.' });
  });

  it('suggests subjects not chosen yet, those starting with the text first', () => {
    const known = ['english', 'english:poetry', 'maths', 'science:english history'];
    expect(suggestionsFor('eng', known, ['english'])).toEqual(['english:poetry', 'science:english history']);
    expect(suggestionsFor('', known, ['maths'], 2)).toEqual(['english', 'english:poetry']);
  });
});
