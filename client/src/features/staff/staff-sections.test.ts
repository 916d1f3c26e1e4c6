import { describe, expect, it } from 'vitest';
import { emptyAreaNote, sectionsFor } from './staff-sections';

describe('sectionsFor', () => {
  it('gives a coordinator the notices, students and iPads', () => {
    expect(sectionsFor(['coordinator'])).toEqual(['notices', 'students', 'devices']);
  });

  it('gives a safeguarding lead the session logs only', () => {
    expect(sectionsFor(['dsl'])).toEqual(['sessions']);
  });

  it('combines roles without repeating a section', () => {
    expect(sectionsFor(['dsl', 'coordinator', 'supervisor'])).toEqual(['notices', 'sessions', 'students', 'devices']);
  });

  it("keeps an admin away from children's records", () => {
    expect(sectionsFor(['admin'])).toEqual([]);
    expect(emptyAreaNote(['admin'])).toMatch(/no access to children's records/);
  });

  it('explains an account with nothing to show', () => {
    expect(emptyAreaNote(['supervisor'])).toMatch(/observe live sessions/);
    expect(emptyAreaNote([])).toMatch(/no staff roles/);
    expect(emptyAreaNote(['coordinator'])).toBeNull();
  });
});
