import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { allEndpoints } from '@peerbridge/shared';
import { addOtherSchoolAndAdmin } from '../../test-support/other-school.js';
import { StaffRepository } from '../../test-support/stored-rows.js';
import { addNorthgateStaff } from '../../test-support/extra-staff.js';
import { DEMO_PASSWORD, signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';
import { endpointOf, expectAnswerInContract } from '../../test-support/contract-check.js';
import { typicalCalendar } from '../../test-support/calendar-fixtures.js';
import { cancelledSessionChange } from '../../test-support/cancelled-session.js';

import { freshPairing } from '../../test-support/fresh-pairing.js';
import { openFreshSession } from '../../test-support/open-session.js';
import { lifecycleCases } from './lifecycle-matrix-cases.js';
import { reportCases } from './reports-matrix-cases.js';
import { exitCases } from './exits-matrix-cases.js';
import { referralCases, type ReferralFixture } from './referral-matrix-cases.js';
import { freshReferral } from '../../test-support/fresh-referral.js';
import { attendanceCases } from './attendance-matrix-cases.js';
import { targetsCases } from './targets-matrix-cases.js';

/*
 * Every staff route and socket event × every role × own school / partner
 * school / other school, with the expected answer. "Own" is Northgate (the
 * mentor school, owner of the students and devices named in the paths);
 * "partner" is Riverside; "other" is Hillcrest, outside the partnership.
 */
type Scope = 'own' | 'partner' | 'other';
type Role = 'coordinator' | 'dsl' | 'supervisor';
const emailDomain: Record<Scope, string> = { own: 'northgate', partner: 'riverside', other: 'hillcrest' };

interface Fixture extends ReferralFixture {
  studentId: string;
  deviceId: () => Promise<string>;
  sessionId: string;
  concernId: string;
  partnerStudentId: string;
  partnershipId: string;
  pairingId: string;
  /** Deactivating is destructive: each case gets a fresh Northgate account. */
  staffToDeactivate: () => Promise<string>;
  /** A fresh Northgate account with this role (password set), for the accounts screen's destructive routes. */
  northgateStaff: (role: Role) => Promise<string>;
  /** A fresh Northgate account still waiting for its set-up code. */
  waitingStaff: () => Promise<string>;
  northgateId: string;
  hillcrestId: string;
  /** A Northgate closure, made once (undoing it is only previewed), and a logged cancellation with no replacement proposed. */
  closureId: () => Promise<string>;
  scheduleChangeId: () => Promise<number>;
  /** A new session happening now, for ending (which can be done once). */
  openSession: () => Promise<string>;
  /** Creating is not repeatable (URNs and emails are unique): each call a new number. */
  unique: () => number;
}

interface RouteCase {
  name: string;
  method: 'get' | 'post' | 'put' | 'delete';
  path: (f: Fixture) => Promise<string> | string;
  body?: object | ((f: Fixture) => object);
  /** Sent as text/csv instead of JSON. */
  csv?: string;
  /** Who gets a success: a set of "scope:role"; everyone else signed in gets 403. */
  allowed: Set<`${Scope}:${Role}`>;
  /** One's own account: every signed-in member of staff, a deployment admin too. */
  ownAccount?: true;
  /** The deployment admin's set-up: only the admin succeeds; every school's staff get 403 (`allowed` is empty). */
  adminOnly?: true;
  /**
   * For routes whose allowed answer here is a refusal of the input (a wrong code): allowed means
   * neither 401 nor 403.
   */
  allowedMeansNotRefused?: true;
}

const all = (roles: Role[], scopes: Scope[] = ['own', 'partner', 'other']) =>
  new Set(scopes.flatMap((s) => roles.map((r) => `${s}:${r}` as const)));

/** Each invitation needs an email nobody has yet. */
let invitees = 0;

/** A route of the deployment admin's: every school's staff get 403, the admin a success. */
function adminCase(name: string, method: 'get' | 'post', path: string | ((f: Fixture) => string), body?: (f: Fixture) => object): RouteCase {
  return { name: `${name} (admin)`, method, path: typeof path === 'string' ? () => path : path, ...(body ? { body } : {}), allowed: new Set(), adminOnly: true };
}

const routes: RouteCase[] = [
  // Lists are always of the asker's own school, so every school's role-holders get their own list.
  { name: 'list students', method: 'get', path: () => '/api/staff/students', allowed: all(['coordinator', 'dsl']) },
  // Before "set a PIN", which puts the demo PIN back for the device cases below.
  {
    name: 'set PINs for a class',
    method: 'post',
    path: () => '/api/staff/students/pins',
    body: (f) => ({ studentIds: [f.studentId] }),
    allowed: all(['coordinator'], ['own']),
  },
  { name: 'set a PIN', method: 'put', path: (f) => `/api/staff/students/${f.studentId}/pin`, body: { pin: '1234' }, allowed: all(['coordinator'], ['own']) },
  {
    name: 'record consent',
    method: 'put',
    path: (f) => `/api/staff/students/${f.studentId}/eligibility`,
    body: { trainingCompleted: true },
    allowed: all(['coordinator'], ['own']),
  },
  {
    name: 'record consent with how it came',
    method: 'put',
    path: (f) => `/api/staff/students/${f.studentId}/eligibility`,
    body: { trainingCompleted: true, method: 'form' },
    allowed: all(['coordinator'], ['own']),
  },
  { name: 'list devices', method: 'get', path: () => '/api/staff/devices', allowed: all(['coordinator']) },
  { name: 'enrol a device', method: 'post', path: () => '/api/staff/devices', body: { label: 'Matrix iPad' }, allowed: all(['coordinator']) },
  { name: 'revoke a device', method: 'post', path: async (f) => `/api/staff/devices/${await f.deviceId()}/revoke`, allowed: all(['coordinator'], ['own']) },
  { name: 'issue a new device code', method: 'post', path: async (f) => `/api/staff/devices/${await f.deviceId()}/code`, allowed: all(['coordinator'], ['own']) },
  { name: 'list notices', method: 'get', path: () => '/api/staff/notices', allowed: all(['coordinator']) },
  {
    // No such notice: a coordinator is told so (404), everyone else is refused before it is looked up.
    name: 'resolve a notice',
    method: 'post',
    path: () => '/api/staff/notices/00000000-0000-4000-8000-000000000000/resolve',
    allowed: all(['coordinator']),
    allowedMeansNotRefused: true,
  },
  { name: 'list sessions', method: 'get', path: () => '/api/staff/sessions', allowed: all(['coordinator', 'dsl', 'supervisor']) },
  { name: 'read a session log', method: 'get', path: (f) => `/api/staff/sessions/${f.sessionId}/log`, allowed: all(['dsl'], ['own', 'partner']) },
  { name: 'verify a session log', method: 'get', path: (f) => `/api/staff/sessions/${f.sessionId}/log/verify`, allowed: all(['dsl'], ['own', 'partner']) },
  { name: 'see who viewed a log', method: 'get', path: (f) => `/api/staff/sessions/${f.sessionId}/log/views`, allowed: all(['dsl'], ['own', 'partner']) },
  { name: 'list live sessions', method: 'get', path: () => '/api/staff/live-sessions', allowed: all(['dsl', 'supervisor']) },
  { name: 'list concerns', method: 'get', path: () => '/api/staff/concerns', allowed: all(['dsl']) },
  { name: 'open a concern', method: 'get', path: (f) => `/api/staff/concerns/${f.concernId}`, allowed: all(['dsl'], ['own', 'partner']) },
  { name: 'see who opened a concern', method: 'get', path: (f) => `/api/staff/concerns/${f.concernId}/views`, allowed: all(['dsl'], ['own', 'partner']) },
  {
    name: 'add a note to a concern',
    method: 'post',
    path: (f) => `/api/staff/concerns/${f.concernId}/amendments`,
    body: { kind: 'note', text: 'Spoke to the form tutor.' },
    allowed: all(['dsl'], ['own', 'partner']),
  },
  { name: 'export a concern as JSON', method: 'get', path: (f) => `/api/staff/concerns/${f.concernId}/export.json`, allowed: all(['dsl'], ['own', 'partner']) },
  { name: 'download a session log as an evidence file', method: 'get', path: (f) => `/api/staff/sessions/${f.sessionId}/log/evidence`, allowed: all(['dsl'], ['own', 'partner']) },
  { name: "see who read a child's chronology", method: 'get', path: (f) => `/api/staff/students/${f.studentId}/chronology/views`, allowed: all(['dsl'], ['own']) },
  { name: 'export a concern as CSV', method: 'get', path: (f) => `/api/staff/concerns/${f.concernId}/export.csv`, allowed: all(['dsl'], ['own', 'partner']) },
  {
    name: 'raise a concern about a session',
    method: 'post',
    path: () => '/api/staff/concerns',
    body: (f) => ({ sessionId: f.sessionId, studentIds: [f.partnerStudentId], whatHappened: 'Seemed upset at the end.' }),
    allowed: all(['coordinator', 'dsl', 'supervisor'], ['own', 'partner']),
  },
  { name: "read a child's chronology", method: 'get', path: (f) => `/api/staff/students/${f.studentId}/chronology`, allowed: all(['dsl'], ['own']) },
  {
    name: 'import students (dry run)',
    method: 'post',
    path: () => '/api/staff/import/students?dryRun=true',
    csv: 'Adno,Forename,Surname,Year\nM1,Ann,Lee,12\n',
    allowed: all(['coordinator']),
  },
  { name: 'create a calendar feed', method: 'post', path: () => '/api/staff/calendar-feed', allowed: all(['coordinator', 'dsl', 'supervisor']) },
  { name: 'stop a calendar feed', method: 'delete', path: () => '/api/staff/calendar-feed', allowed: all(['coordinator', 'dsl', 'supervisor']) },
  { name: "see one's calendar feed", method: 'get', path: () => '/api/staff/calendar-feed', allowed: all(['coordinator', 'dsl', 'supervisor']) },
  // Timetabling: a school's own calendar and students; a partnership's shared things for both its schools.
  { name: 'read own calendar', method: 'get', path: () => '/api/staff/calendar', allowed: all(['coordinator']) },
  { name: 'add a closure', method: 'post', path: () => '/api/staff/calendar/closures', body: { date: '2027-06-30', reason: 'Matrix trip' }, allowed: all(['coordinator']) },
  // Calendar changes are previewed (dry runs): the same checks as saving, and the other cases' calendars stay as they are.
  { name: 'preview a calendar change', method: 'put', path: () => '/api/staff/calendar?dryRun=true', body: typicalCalendar(), allowed: all(['coordinator']) },
  { name: 'preview new programme dates', method: 'put', path: (f) => `/api/staff/partnerships/${f.partnershipId}/programme?dryRun=true`, body: { start: '2026-09-14', end: '2027-07-16' }, allowed: all(['coordinator'], ['own', 'partner']) },
  // A closure is its own school's: another school's coordinator is told there is no such closure (404).
  { name: 'preview undoing a closure', method: 'delete', path: async (f) => `/api/staff/calendar/closures/${await f.closureId()}?dryRun=true`, allowed: all(['coordinator']), allowedMeansNotRefused: true },
  // No replacement was proposed: either school's coordinator is told so (409), everyone else is refused first.
  { name: 'accept a proposed replacement', method: 'post', path: async (f) => `/api/staff/schedule-changes/${await f.scheduleChangeId()}/accept-replacement`, allowed: all(['coordinator'], ['own', 'partner']), allowedMeansNotRefused: true },
  { name: 'list partnerships', method: 'get', path: () => '/api/staff/partnerships', allowed: all(['coordinator']) },
  { name: 'read both timetables', method: 'get', path: (f) => `/api/staff/partnerships/${f.partnershipId}/timetables`, allowed: all(['coordinator'], ['own', 'partner']) },
  { name: 'read the programme', method: 'get', path: (f) => `/api/staff/partnerships/${f.partnershipId}/programme`, allowed: all(['coordinator'], ['own', 'partner']) },
  {
    name: 'set availability',
    method: 'put',
    path: (f) => `/api/staff/students/${f.studentId}/availability`,
    body: { slots: [{ week: 'any', weekday: 2, period: 'P1' }] },
    allowed: all(['coordinator'], ['own']),
  },
  { name: 'read free periods and subjects', method: 'get', path: (f) => `/api/staff/students/${f.studentId}/matching-profile`, allowed: all(['coordinator'], ['own']) },
  { name: 'set subjects', method: 'put', path: (f) => `/api/staff/students/${f.studentId}/subjects`, body: { subjects: ['english:poetry'] }, allowed: all(['coordinator'], ['own']) },
  { name: 'find slots for a pairing', method: 'get', path: (f) => `/api/staff/pairings/${f.pairingId}/candidates`, allowed: all(['coordinator'], ['own', 'partner']) },
  { name: 'suggest pairings', method: 'post', path: (f) => `/api/staff/partnerships/${f.partnershipId}/suggestions`, body: {}, allowed: all(['coordinator'], ['own', 'partner']) },
  { name: 'see schedule changes', method: 'get', path: () => '/api/staff/schedule-changes', allowed: all(['coordinator']) },
  // The staff audit trail is always the asker's own school's: its coordinators and DSLs read it, supervisors do not.
  { name: 'read the staff audit trail', method: 'get', path: () => '/api/staff/audit', allowed: all(['coordinator', 'dsl']) },
  { name: 'verify the staff audit trail', method: 'get', path: () => '/api/staff/audit/verify', allowed: all(['coordinator', 'dsl']) },
  // The safeguarding words are always the asker's own school's, and only its DSLs'.
  { name: 'read the safeguarding words', method: 'get', path: () => '/api/staff/safeguarding/keywords', allowed: all(['dsl']) },
  { name: 'change the safeguarding words', method: 'put', path: () => '/api/staff/safeguarding/keywords', body: { keywords: null }, allowed: all(['dsl']) },
  // Staff accounts: closing a colleague's is the coordinator's, for their own school only.
  { name: 'deactivate a staff account', method: 'post', path: async (f) => `/api/staff/accounts/${await f.staffToDeactivate()}/deactivate`, allowed: all(['coordinator'], ['own']) },
  // The accounts screen: each school lists its own; a DSL manages DSL accounts only; only roles one holds are given.
  { name: 'list staff accounts', method: 'get', path: () => '/api/staff/accounts', allowed: all(['coordinator', 'dsl']) },
  {
    name: 'invite a member of staff',
    method: 'post',
    path: () => '/api/staff/accounts',
    body: () => ({ fullName: 'Matrix Invitee', email: `invitee-${++invitees}@matrix.example`, roles: ['coordinator'] }),
    allowed: all(['coordinator']),
  },
  { name: 're-issue a set-up code', method: 'post', path: async (f) => `/api/staff/accounts/${await f.waitingStaff()}/setup-code`, allowed: all(['coordinator'], ['own']) },
  { name: "reset a colleague's password", method: 'post', path: async (f) => `/api/staff/accounts/${await f.northgateStaff('supervisor')}/password-reset`, allowed: all(['coordinator'], ['own']) },
  { name: "reset a DSL's password", method: 'post', path: async (f) => `/api/staff/accounts/${await f.northgateStaff('dsl')}/password-reset`, allowed: all(['coordinator', 'dsl'], ['own']) },
  { name: 'deactivate a DSL account', method: 'post', path: async (f) => `/api/staff/accounts/${await f.northgateStaff('dsl')}/deactivate`, allowed: all(['coordinator', 'dsl'], ['own']) },
  {
    name: "change a colleague's roles",
    method: 'put',
    path: async (f) => `/api/staff/accounts/${await f.northgateStaff('supervisor')}/roles`,
    body: { roles: ['supervisor', 'coordinator'] },
    allowed: all(['coordinator'], ['own']),
  },
  // Deployment set-up: the admin's alone, whatever a school's staff hold.
  adminCase('list schools and partnerships', 'get', '/api/staff/admin/schools'),
  adminCase('create a school', 'post', '/api/staff/admin/schools', (f) => ({ name: 'Matrix School', urn: String(700000 + f.unique()), timeZone: 'Europe/London', contactEmail: 'office@matrix.example' })),
  adminCase('create a partnership', 'post', '/api/staff/admin/partnerships', (f) => ({ mentorSchoolId: f.hillcrestId, menteeSchoolId: f.northgateId, start: '2027-01-04', end: '2027-07-16' })),
  adminCase("create a school's coordinator", 'post', (f) => `/api/staff/admin/schools/${f.hillcrestId}/staff`, (f) => ({ fullName: 'Matrix Lead', email: `lead-${f.unique()}@hillcrest.example`, role: 'coordinator' })),
  // One's own password and second factor: everybody signed in, for themselves.
  {
    name: 'change own password',
    method: 'post',
    path: () => '/api/staff/password',
    body: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD },
    allowed: all(['coordinator', 'dsl', 'supervisor']),
    ownAccount: true,
  },
  { name: 'who am I', method: 'get', path: () => '/api/staff/me', allowed: all(['coordinator', 'dsl', 'supervisor']), ownAccount: true },
  { name: 'read own second-factor status', method: 'get', path: () => '/api/staff/second-factor', allowed: all(['coordinator', 'dsl', 'supervisor']), ownAccount: true },
  { name: 'start authenticator enrolment', method: 'post', path: () => '/api/staff/second-factor/enrolment', allowed: all(['coordinator', 'dsl', 'supervisor']), ownAccount: true },
  {
    name: 'confirm authenticator enrolment',
    method: 'post',
    path: () => '/api/staff/second-factor/enrolment/confirm',
    body: { code: '000000' },
    allowed: all(['coordinator', 'dsl', 'supervisor']),
    ownAccount: true,
    allowedMeansNotRefused: true,
  },
  {
    name: 'step up',
    method: 'post',
    path: () => '/api/staff/second-factor/step-up',
    body: { code: '000000' },
    allowed: all(['coordinator', 'dsl', 'supervisor']),
    ownAccount: true,
    allowedMeansNotRefused: true,
  },
  ...lifecycleCases,
  ...reportCases,
  ...exitCases,
  ...referralCases,
  ...attendanceCases,
  ...targetsCases,
  {
    // Ending is done once: each call gets its own session happening now (a Northgate mentor with a Riverside mentee).
    name: 'end a session happening now',
    method: 'post',
    path: async (f) => `/api/staff/sessions/${await f.openSession()}/end`,
    body: { reason: 'safeguarding_concern', note: 'Matrix case.' },
    allowed: all(['dsl', 'supervisor'], ['own', 'partner']),
  },
];

const principals: { scope: Scope; role: Role }[] = (['own', 'partner', 'other'] as const).flatMap((scope) =>
  (['coordinator', 'dsl', 'supervisor'] as const).map((role) => ({ scope, role })),
);

describe.each(testDatabaseKinds())('authorization matrix on %s', (kind) => {
  let server: TestServer;
  let fixture: Fixture;
  let cases = 0;
  let leavers = 0;
  let devicesMade = 0;
  let closureMade: Promise<string> | undefined;
  let changeMade: Promise<number> | undefined;
  const agents = new Map<string, Awaited<ReturnType<typeof signInStaff>>>();
  const agentFor = async (email: string) => {
    if (!agents.has(email)) agents.set(email, await signInStaff(server, email));
    return agents.get(email)!;
  };

  beforeAll(async () => {
    server = await startTestServer(kind);
    const hillcrest = await addOtherSchoolAndAdmin(server);
    const demo = server.demo!;
    let counter = 0;
    const own = await agentFor('coordinator@northgate.example');
    const now = demo.sessions.find((s) => s.kind === 'now')!;
    const dsl = await agentFor('dsl@northgate.example');
    const concern = await dsl
      .post('/api/staff/concerns')
      .send({ sessionId: now.id, studentIds: [now.mentor.id, now.mentee.id], whatHappened: 'A matrix fixture.' })
      .expect(201);
    const partnerships = await own.get('/api/staff/partnerships').expect(200);
    fixture = {
      partnershipId: partnerships.body.partnerships[0].id,
      pairingId: partnerships.body.partnerships[0].pairings[0].id,
      concernId: concern.body.concernId,
      partnerStudentId: now.mentee.id,
      studentId: demo.sessions[0]!.mentor.id,
      sessionId: demo.sessions.find((s) => s.kind === 'now')!.id,
      // Revoking is destructive: each case gets a fresh Northgate device (labels are unique per school).
      deviceId: async () => (await own.post('/api/staff/devices').send({ label: `To revoke ${++devicesMade}` }).expect(201)).body.device.id,
      staffToDeactivate: async () => {
        const [email] = await addNorthgateStaff(server, `leaver-${++leavers}`, 1);
        return (await new StaffRepository(server.database.db).findByEmail(email!))!.id;
      },
      northgateStaff: async (role) => {
        const [email] = await addNorthgateStaff(server, `staff-${++leavers}`, 1, role);
        return (await new StaffRepository(server.database.db).findByEmail(email!))!.id;
      },
      waitingStaff: async () => {
        const body = { fullName: 'Matrix Waiting', email: `waiting-${++invitees}@northgate.example`, roles: ['coordinator'] };
        return (await own.post('/api/staff/accounts').send(body).expect(201)).body.account.id;
      },
      northgateId: demo.schools.find((s) => s.role === 'mentor')!.id,
      hillcrestId: hillcrest.id,
      unique: () => ++counter,
      openSession: async () => (await openFreshSession(server)).sessionId,
      closureId: () => (closureMade ??= own.post('/api/staff/calendar/closures').send({ date: '2027-06-29', reason: 'Matrix closure' }).expect(201).then((r) => r.body.closureId as string)),
      scheduleChangeId: () => (changeMade ??= cancelledSessionChange(server, fixture.partnershipId, fixture.pairingId)),
      demoPair: { mentorId: now.mentor.id, menteeId: now.mentee.id },
      freshPairing: () => freshPairing(server),
      freshReferral: () => freshReferral(server),
    };
  });
  afterAll(async () => {
    process.stdout.write(`authorization matrix on ${kind}: ${cases} cases\n`);
    await stopTestServer(server);
  });

  const send = (agent: ReturnType<typeof request> | Awaited<ReturnType<typeof signInStaff>>, route: RouteCase, path: string) => {
    const pending = agent[route.method](path);
    if (route.csv !== undefined) return pending.type('text/csv').send(route.csv);
    return pending.send(typeof route.body === 'function' ? route.body(fixture) : route.body);
  };

  it('has a case for every staff endpoint of the contract', async () => {
    const called = await Promise.all(routes.map(async (route) => endpointOf(route, await route.path(fixture))));
    const missing = allEndpoints.filter((e) => e.audience === 'staff' && !called.includes(e)).map((e) => `${e.method} ${e.path}`);
    expect(missing, 'staff endpoints with no case in the authorization matrix').toEqual([]);
  });

  for (const route of routes) {
    it(`${route.name}: allowed exactly for ${route.adminOnly ? 'the deployment admin' : [...route.allowed].join(', ')}`, async () => {
      const endpoint = endpointOf(route, await route.path(fixture));
      expect(endpoint, `${route.method.toUpperCase()} ${route.name} has no endpoint in shared/src/http`).toBeDefined();
      for (const { scope, role } of principals) {
        const agent = await agentFor(`${role}@${emailDomain[scope]}.example`);
        const path = await route.path(fixture);
        const res = await send(agent, route, path);
        const expected = route.allowed.has(`${scope}:${role}`);
        const admitted = route.allowedMeansNotRefused ? res.status !== 401 && res.status !== 403 : res.status < 300;
        expect(admitted, `${scope} ${role}: ${route.method.toUpperCase()} ${path} → ${res.status}`).toBe(expected);
        expectAnswerInContract(endpoint!, res);
        if (!expected) expect(res.body.error.code, `${scope} ${role}`).toBe('forbidden');
        cases++;
      }
      // A deployment admin sees no children's records, and nobody signed out gets anything.
      const admin = await agentFor('admin@peerbridge.example');
      const path = await route.path(fixture);
      const adminStatus = (await send(admin, route, path)).status;
      if (route.ownAccount) expect(adminStatus === 401 || adminStatus === 403, `admin → ${adminStatus}`).toBe(false);
      else if (route.adminOnly) expect(adminStatus, `admin → ${adminStatus}`).toBeLessThan(300);
      else expect(adminStatus).toBe(403);
      const anonymous = await send(request(server.url), route, path);
      expect(anonymous.status).toBe(401);
      cases += 2;
      if (route.method !== 'get') {
        // Even someone allowed is refused when the request comes from another site's page.
        const [scope, role] = route.adminOnly ? [] : ([...route.allowed][0]!.split(':') as [Scope, Role]);
        const allowedAgent = await agentFor(route.adminOnly ? 'admin@peerbridge.example' : `${role}@${emailDomain[scope!]}.example`);
        const forged = await send(allowedAgent, route, await route.path(fixture)).set('Origin', 'https://evil.example');
        expect(forged.status, `cross-origin ${route.method.toUpperCase()} ${path}`).toBe(403);
        expect(forged.body.error.code).toBe('cross_origin');
        cases++;
      }
    });
  }
});
