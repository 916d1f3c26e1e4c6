import { describe, expect, it } from 'vitest';
import { mayReadSessionNotes } from './note-readers.js';

const pairing = { mentorSchoolId: 'north', menteeSchoolId: 'river' };
const who = (schoolId: string, role: 'coordinator' | 'dsl' | 'supervisor') => ({ staffId: 's', schoolId, roles: [role] as const });

describe('who reads session notes', () => {
  it.each([
    ['river', 'coordinator', true],
    ['river', 'dsl', true],
    ['north', 'coordinator', true],
    ['north', 'dsl', false],
    ['river', 'supervisor', false],
    ['hill', 'coordinator', false],
    ['hill', 'dsl', false],
  ] as const)('%s %s: %s', (school, role, allowed) => {
    expect(mayReadSessionNotes(who(school, role), pairing)).toBe(allowed);
  });
});
