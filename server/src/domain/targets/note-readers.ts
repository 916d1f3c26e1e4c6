import { can, type StaffPrincipal } from '../access/policy.js';

/**
 * Who reads a mentor's note after a session: the coordinators of both schools (the mentee's, and the mentor's
 * own, who supports the mentor), and the safeguarding leads of the mentee's school, whose child it is about.
 * The mentor's school's DSLs are told of a keyword match live, not by reading every note.
 */
export function mayReadSessionNotes(principal: StaffPrincipal, pairing: { mentorSchoolId: string; menteeSchoolId: string }): boolean {
  if (!can(principal, 'session-notes:read', [pairing.mentorSchoolId, pairing.menteeSchoolId])) return false;
  if (principal.roles.includes('coordinator')) return true;
  return principal.roles.includes('dsl') && principal.schoolId === pairing.menteeSchoolId;
}
