/*
 * The authorization matrix's cases for pairings and series after booking, booking itself and
 * the staff import. Either school's coordinator manages a pairing's sessions; archiving is the
 * student's own school's. Destructive cases get a fresh pairing each (`freshPairing`).
 */
export type Scope = 'own' | 'partner' | 'other';
export type Role = 'coordinator' | 'dsl' | 'supervisor';

export interface LifecycleFixture {
  pairingId: string;
  partnershipId: string;
  demoPair: { mentorId: string; menteeId: string };
  freshPairing: () => Promise<{ pairingId: string; sessionId: string; mentorId: string }>;
}

export interface LifecycleCase {
  name: string;
  method: 'get' | 'post';
  path: (f: LifecycleFixture) => Promise<string> | string;
  body?: object | ((f: LifecycleFixture) => object);
  csv?: string;
  allowed: Set<`${Scope}:${Role}`>;
  allowedMeansNotRefused?: true;
}

const all = (roles: Role[], scopes: Scope[] = ['own', 'partner', 'other']) => new Set(scopes.flatMap((s) => roles.map((r) => `${s}:${r}` as const)));
const bothSchools = all(['coordinator'], ['own', 'partner']);

export const lifecycleCases: LifecycleCase[] = [
  { name: "see a pairing's series", method: 'get', path: (f) => `/api/staff/pairings/${f.pairingId}/series`, allowed: bothSchools },
  {
    name: 'cancel one session',
    method: 'post',
    path: async (f) => `/api/staff/sessions/${(await f.freshPairing()).sessionId}/cancel`,
    body: { reason: 'Matrix' },
    allowed: bothSchools,
  },
  {
    // The fresh pair has no availability, so an allowed move is refused in words (409), never 403.
    name: 'move one session',
    method: 'post',
    path: async (f) => `/api/staff/sessions/${(await f.freshPairing()).sessionId}/move`,
    body: { date: '2031-01-07', time: '09:00' },
    allowed: bothSchools,
    allowedMeansNotRefused: true,
  },
  {
    name: 'end a series from a date',
    method: 'post',
    path: async (f) => `/api/staff/pairings/${(await f.freshPairing()).pairingId}/end-series`,
    body: { from: '2030-01-01' },
    allowed: bothSchools,
  },
  { name: 'unpair', method: 'post', path: async (f) => `/api/staff/pairings/${(await f.freshPairing()).pairingId}/unpair`, body: { reason: 'Matrix' }, allowed: bothSchools },
  {
    name: 'archive a student who leaves',
    method: 'post',
    path: async (f) => `/api/staff/students/${(await f.freshPairing()).mentorId}/archive`,
    body: {},
    allowed: all(['coordinator'], ['own']),
  },
  {
    // Booking needs calendars the matrix does not set: an allowed request is refused in words (409).
    name: 'book a weekly series',
    method: 'post',
    path: async (f) => `/api/staff/pairings/${(await f.freshPairing()).pairingId}/series`,
    body: { candidateId: '2@09:00' },
    allowed: bothSchools,
    allowedMeansNotRefused: true,
  },
  {
    // The demo pair is paired already: an allowed request is told so (409).
    name: 'accept a pairing',
    method: 'post',
    path: (f) => `/api/staff/partnerships/${f.partnershipId}/pairings`,
    body: (f) => f.demoPair,
    allowed: bothSchools,
    allowedMeansNotRefused: true,
  },
  {
    // A DSL may import too, but not grant the coordinator role they do not hold: 422, not 403.
    name: 'import staff accounts (dry run)',
    method: 'post',
    path: () => '/api/staff/import/staff?dryRun=true',
    csv: 'Forename,Surname,Email,Role\nMat,Rix,matrix.import@school.example,coordinator\n',
    allowed: all(['coordinator', 'dsl']),
    allowedMeansNotRefused: true,
  },
];
