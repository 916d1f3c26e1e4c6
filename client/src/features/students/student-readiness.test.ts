import { describe, expect, it } from 'vitest';
import { countNotReady, missingRequirements, readinessLabel, sortStudents } from './student-readiness';
import type { SchoolStudent } from './students-api';

const student = (patch: Partial<SchoolStudent>): SchoolStudent => ({
  id: 'id',
  firstName: 'Priya',
  lastName: 'Shah',
  yearGroup: 11,
  role: 'mentee',
  hasPin: true,
  archivedAt: null,
  parentalConsentAt: '2026-09-10T09:00:00Z',
  trainingCompletedAt: null,
  parentalConsentRecord: null,
  trainingRecord: null,
  ...patch,
});

describe('student readiness', () => {
  it('asks parental consent of mentees and training of mentors', () => {
    expect(missingRequirements(student({ parentalConsentAt: null }))).toEqual(['parental-consent']);
    expect(missingRequirements(student({ role: 'mentor', yearGroup: 12 }))).toEqual(['training']);
    expect(missingRequirements(student({ role: 'mentor', trainingCompletedAt: '2026-09-01T00:00:00Z' }))).toEqual([]);
  });

  it('says what is missing in plain words', () => {
    expect(readinessLabel(student({}))).toBe('Ready');
    expect(readinessLabel(student({ hasPin: false }))).toBe('Needs a PIN');
    expect(readinessLabel(student({ hasPin: false, parentalConsentAt: null }))).toBe('Needs parental consent and a PIN');
  });

  it('lists by surname, as on a register, and counts who is not ready', () => {
    const students = [
      student({ id: 'z', lastName: 'Zed', hasPin: false }),
      student({ id: 'a', lastName: 'Adams' }),
      student({ id: 'b', lastName: 'Brown', role: 'mentor' }),
    ];
    expect(sortStudents(students).map((s) => s.id)).toEqual(['a', 'b', 'z']);
    expect(countNotReady(students)).toBe(2);
  });
});
