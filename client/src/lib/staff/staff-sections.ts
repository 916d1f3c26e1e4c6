import type { StaffRole } from '@peerbridge/shared';

/**
 * Which parts of the staff area a person sees. The server enforces the same
 * split (see its access policy); this only avoids showing doors that would
 * answer "no access".
 */
export type StaffSection = 'notices' | 'concerns' | 'live' | 'sessions' | 'timetable' | 'calendar' | 'students' | 'devices' | 'accounts' | 'audit' | 'keywords' | 'deployment';

const sectionsByRole: Record<StaffRole, readonly StaffSection[]> = {
  // Notices first: they are the things a coordinator has to fix today. The
  // sessions list is where anyone who may raise a concern raises one. The
  // timetable (finding times, booking series, pairing) is coordinators' own.
  // The staff audit trail last: it is looked back at, not worked from. Supervisors
  // only observe, so they have no need to see their colleagues' actions.
  // The school calendar (bell times, terms, closures) is what the timetable is built from.
  coordinator: ['notices', 'sessions', 'timetable', 'calendar', 'students', 'devices', 'accounts', 'audit'],
  // Safeguarding leads manage safeguarding-lead accounts (the server lists only those to them).
  dsl: ['concerns', 'live', 'sessions', 'accounts', 'audit', 'keywords'],
  supervisor: ['live', 'sessions'],
  // Setting the deployment up: schools, partnerships, each school's first staff. Nothing of any child.
  admin: ['deployment'],
};

// Concerns before anything else: a child waiting to be heard comes first.
const order: readonly StaffSection[] = ['notices', 'concerns', 'live', 'sessions', 'timetable', 'calendar', 'students', 'devices', 'accounts', 'audit', 'keywords', 'deployment'];

export function sectionsFor(roles: readonly StaffRole[]): StaffSection[] {
  const wanted = new Set(roles.flatMap((role) => sectionsByRole[role]));
  return order.filter((section) => wanted.has(section));
}

/** Only safeguarding leads read session logs; everyone else sees the list of sessions. */
export function canReadSessionLogs(roles: readonly StaffRole[]): boolean {
  return roles.includes('dsl');
}

/** Safeguarding leads handle concerns and get live alerts about them. */
export function handlesConcerns(roles: readonly StaffRole[]): boolean {
  return roles.includes('dsl');
}

/** Safeguarding leads and supervisors watch live sessions. */
export function canObserve(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => role === 'dsl' || role === 'supervisor');
}

export function canRaiseConcerns(roles: readonly StaffRole[]): boolean {
  return roles.some((role) => role === 'coordinator' || role === 'dsl' || role === 'supervisor');
}

export function sectionTitle(section: StaffSection, roles: readonly StaffRole[]): string {
  switch (section) {
    case 'notices':
      return 'Notices';
    case 'concerns':
      return 'Concerns';
    case 'live':
      return 'Live sessions';
    case 'sessions':
      return canReadSessionLogs(roles) ? 'Sessions and logs' : 'Sessions';
    case 'timetable':
      return 'Timetable';
    case 'calendar':
      return 'School calendar';
    case 'students':
      return 'Students';
    case 'devices':
      return 'iPads';
    case 'accounts':
      return 'Staff accounts';
    case 'audit':
      return 'Staff actions';
    case 'keywords':
      return 'Safeguarding words';
    case 'deployment':
      return 'Schools and partnerships';
  }
}

/** A plain explanation for accounts that see no sections at all. */
export function emptyAreaNote(roles: readonly StaffRole[]): string | null {
  // Said even beside the set-up section: the admin should know why no child appears anywhere.
  if (roles.length === 1 && roles[0] === 'admin') {
    return "This account runs Peerbridge. It has no access to children's records.";
  }
  if (sectionsFor(roles).length > 0) return null;
  return 'This account has no staff roles yet. Ask your Peerbridge administrator.';
}
