import type { StaffRole } from '@peerbridge/shared';

/**
 * Which parts of the staff area a person sees. The server enforces the same
 * split (see its access policy); this only avoids showing doors that would
 * answer "no access".
 */
export type StaffSection = 'notices' | 'students' | 'devices' | 'sessions';

const sectionsByRole: Record<StaffRole, readonly StaffSection[]> = {
  // Notices first: they are the things a coordinator has to fix today.
  coordinator: ['notices', 'students', 'devices'],
  dsl: ['sessions'],
  supervisor: [],
  admin: [],
};

const order: readonly StaffSection[] = ['notices', 'sessions', 'students', 'devices'];

export function sectionsFor(roles: readonly StaffRole[]): StaffSection[] {
  const wanted = new Set(roles.flatMap((role) => sectionsByRole[role]));
  return order.filter((section) => wanted.has(section));
}

export const sectionTitles: Record<StaffSection, string> = {
  notices: 'Notices',
  sessions: 'Sessions and logs',
  students: 'Students',
  devices: 'iPads',
};

/** A plain explanation for accounts that see no sections at all. */
export function emptyAreaNote(roles: readonly StaffRole[]): string | null {
  if (sectionsFor(roles).length > 0) return null;
  if (roles.includes('supervisor')) {
    return 'Supervisors observe live sessions at their school. There are no records to manage from this account.';
  }
  if (roles.includes('admin')) {
    return "This account runs Peerbridge. It has no access to children's records.";
  }
  return 'This account has no staff roles yet. Ask your Peerbridge administrator.';
}
