import type { SchoolStudent } from './students-api';

/**
 * What still stands between a student and their first session. Mirrors the
 * server's join rule (mentees need parental consent, mentors need their
 * training recorded) plus the PIN they sign in with on the iPad.
 */
export type Requirement = 'pin' | 'parental-consent' | 'training';

export function requirementsFor(student: Pick<SchoolStudent, 'role'>): Requirement[] {
  return student.role === 'mentee' ? ['parental-consent', 'pin'] : ['training', 'pin'];
}

export function isMet(student: SchoolStudent, requirement: Requirement): boolean {
  switch (requirement) {
    case 'pin':
      return student.hasPin;
    case 'parental-consent':
      return student.parentalConsentAt !== null;
    case 'training':
      return student.trainingCompletedAt !== null;
  }
}

export function missingRequirements(student: SchoolStudent): Requirement[] {
  return requirementsFor(student).filter((requirement) => !isMet(student, requirement));
}

export const requirementNames: Record<Requirement, string> = {
  pin: 'a PIN',
  'parental-consent': 'parental consent',
  training: 'mentor training',
};

/** "Ready" or "Needs parental consent and a PIN". */
export function readinessLabel(student: SchoolStudent): string {
  const missing = missingRequirements(student).map((r) => requirementNames[r]);
  if (missing.length === 0) return 'Ready';
  return `Needs ${missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing.at(-1)}`}`;
}

/**
 * By surname, as on a register. Not "not ready first": a row that jumped away
 * the moment its consent was recorded would look like it had vanished.
 */
export function sortStudents(students: readonly SchoolStudent[]): SchoolStudent[] {
  return [...students].sort(
    (a, b) => a.lastName.localeCompare(b.lastName, 'en-GB') || a.firstName.localeCompare(b.firstName, 'en-GB'),
  );
}

export function countNotReady(students: readonly SchoolStudent[]): number {
  return students.filter((student) => missingRequirements(student).length > 0).length;
}
