import type { StaffRole } from '@peerbridge/shared';

/**
 * Which parts of the staff area a person sees. The server enforces the same
 * split (see its access policy); this only avoids showing doors that would
 * answer "no access".
 */
export type StaffSection =
  | 'notices'
  | 'concerns'
  | 'live'
  | 'sessions'
  | 'referrals'
  | 'targets'
  | 'attendance'
  | 'exits'
  | 'reports'
  | 'timetable'
  | 'calendar'
  | 'students'
  | 'devices'
  | 'accounts'
  | 'audit'
  | 'keywords'
  | 'deployment';

const sectionsByRole: Record<StaffRole, readonly StaffSection[]> = {
  // Notices first: they are the things a coordinator has to fix today. The
  // sessions list is where anyone who may raise a concern raises one. The
  // timetable (finding times, booking series, pairing) is coordinators' own.
  // The staff audit trail last: it is looked back at, not worked from. Supervisors
  // only observe, so they have no need to see their colleagues' actions.
  // The school calendar (bell times, terms, closures) is what the timetable is built from.
  // The mentoring programme (referrals to reports) sits beside the timetable it feeds.
  coordinator: ['notices', 'sessions', 'referrals', 'targets', 'attendance', 'exits', 'reports', 'timetable', 'calendar', 'students', 'devices', 'accounts', 'audit'],
  // Safeguarding leads manage safeguarding-lead accounts (the server lists only those to them).
  dsl: ['concerns', 'live', 'sessions', 'accounts', 'audit', 'keywords'],
  supervisor: ['live', 'sessions'],
  // Setting the deployment up: schools, partnerships, each school's first staff. Nothing of any child.
  admin: ['deployment'],
};

// Concerns before anything else: a child waiting to be heard comes first.
const order: readonly StaffSection[] = [
  'notices',
  'concerns',
  'live',
  'sessions',
  'referrals',
  'targets',
  'attendance',
  'exits',
  'reports',
  'timetable', 'calendar', 'students', 'devices', 'accounts', 'audit', 'keywords', 'deployment'];

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
    case 'referrals':
      return 'Referrals';
    case 'targets':
      return 'Targets';
    case 'attendance':
      return 'Attendance';
    case 'exits':
      return 'Exits';
    case 'reports':
      return 'Programme reports';
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

/*
 * The staff area's addresses, all under `/staff`. Each area has its own
 * page; this table is the one place that says which address is which area
 * and who may open it (the navigation, the not-available page and the
 * alerts' links all read it). The server still refuses what a role may not
 * see; this only decides what to show.
 */

/** A page of the staff area: the home, one of the sections, or the signed-in person's own account. */
export type StaffArea = 'home' | Exclude<StaffSection, 'notices'> | 'account';

/** Where in the staff area someone is, with the record the address names, if any. */
export type StaffPlace =
  | { area: 'concerns'; concernId: string | null }
  | { area: 'sessions'; sessionId: string | null }
  /** `observeSessionId`: watching that session (`/staff/observe/:sessionId`). */
  | { area: 'live'; observeSessionId: string | null }
  | { area: Exclude<StaffArea, 'concerns' | 'sessions' | 'live'> };

export type StaffRoute =
  | { status: 'open'; place: StaffPlace }
  /** A real area the roles don't include: said plainly, never an empty page. */
  | { status: 'not-available'; area: StaffArea }
  | { status: 'not-found' };

/** Every area's address below `/staff` (short, and the same words as the code uses). */
export const areaPaths: Readonly<Record<StaffArea, string>> = {
  home: '/',
  concerns: '/concerns',
  live: '/live',
  sessions: '/sessions',
  referrals: '/referrals',
  targets: '/targets',
  attendance: '/attendance',
  exits: '/exits',
  reports: '/reports',
  timetable: '/timetable',
  calendar: '/calendar',
  students: '/students',
  devices: '/devices',
  accounts: '/accounts',
  audit: '/audit',
  keywords: '/keywords',
  deployment: '/deployment',
  account: '/account',
};

const areaByPath = new Map(Object.entries(areaPaths).map(([area, path]) => [path, area as StaffArea]));

/** The base every address in the table is under. */
export const STAFF_BASE = '/staff';

/** The areas a person may open, in the navigation's order: home first, their own account last. */
export function areasFor(roles: readonly StaffRole[]): StaffArea[] {
  const sections = sectionsFor(roles).filter((section): section is Exclude<StaffSection, 'notices'> => section !== 'notices');
  return ['home', ...sections, 'account'];
}

export function mayOpen(area: StaffArea, roles: readonly StaffRole[]): boolean {
  return areasFor(roles).includes(area);
}

export function areaTitle(area: StaffArea, roles: readonly StaffRole[]): string {
  if (area === 'home') return 'Home';
  if (area === 'account') return 'Your account';
  return sectionTitle(area, roles);
}

/**
 * Which page an address (below `/staff`, e.g. `/concerns/abc`) shows to
 * someone with these roles. The record id is taken as written; the page
 * asks the server for it, and the server says if it is not theirs.
 */
export function resolveStaffPath(path: string, roles: readonly StaffRole[]): StaffRoute {
  const segments = path.split('/').filter(Boolean).map(decodeSegment);
  if (segments.some((segment) => segment === null)) return { status: 'not-found' };
  const [first, id, ...rest] = segments as string[];
  if (rest.length > 0) return { status: 'not-found' };

  const place = placeFor(first, id);
  if (!place) return { status: 'not-found' };
  return mayOpen(place.area, roles) ? { status: 'open', place } : { status: 'not-available', area: place.area };
}

function placeFor(first: string | undefined, id: string | undefined): StaffPlace | null {
  if (first === undefined) return { area: 'home' };
  if (first === 'observe') return id === undefined ? null : { area: 'live', observeSessionId: id };
  const area = areaByPath.get(`/${first}`);
  if (!area) return null;
  if (area === 'concerns') return { area, concernId: id ?? null };
  if (area === 'sessions') return { area, sessionId: id ?? null };
  if (id !== undefined) return null;
  if (area === 'live') return { area, observeSessionId: null };
  return { area } as StaffPlace;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** The address (below `/staff`) of a place: what links and the alerts navigate to. */
export function staffPath(place: StaffPlace): string {
  switch (place.area) {
    case 'concerns':
      return place.concernId ? `${areaPaths.concerns}/${encodeURIComponent(place.concernId)}` : areaPaths.concerns;
    case 'sessions':
      return place.sessionId ? `${areaPaths.sessions}/${encodeURIComponent(place.sessionId)}` : areaPaths.sessions;
    case 'live':
      return place.observeSessionId ? `/observe/${encodeURIComponent(place.observeSessionId)}` : areaPaths.live;
    default:
      return areaPaths[place.area];
  }
}
