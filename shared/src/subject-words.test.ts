import { describe, expect, it } from 'vitest';
import { subjectWords } from './subject-words.js';

describe('subjectWords', () => {
  it('reads a subject and its topic as words', () => {
    expect(subjectWords('english:poetry')).toBe('English, poetry');
    expect(subjectWords('maths')).toBe('Maths');
    expect(subjectWords('design technology:cad')).toBe('Design technology, cad');
  });
});
