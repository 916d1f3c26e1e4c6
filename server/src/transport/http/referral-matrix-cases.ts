/*
 * The authorization matrix's cases for referrals, mentor applications and programme settings.
 * A referral is its school's own record: only that school's coordinators succeed. The fixture's
 * referrals are Northgate's ("own"); each destructive case gets a fresh one (`freshReferral`).
 */
import type { LifecycleFixture, Role, Scope } from './lifecycle-matrix-cases.js';

export interface ReferralFixture extends LifecycleFixture {
  /** A fresh Northgate mentor application (a Year 12 student with nothing on record). */
  freshReferral: () => Promise<string>;
}

export interface ReferralCase {
  name: string;
  method: 'get' | 'post' | 'put';
  path: (f: ReferralFixture) => Promise<string> | string;
  body?: object | ((f: ReferralFixture) => object);
  allowed: Set<`${Scope}:${Role}`>;
  allowedMeansNotRefused?: true;
}

const coordinators = (scopes: Scope[]) => new Set(scopes.map((s) => `${s}:coordinator` as const));
const ownCoordinator = coordinators(['own']);
const everyCoordinator = coordinators(['own', 'partner', 'other']);
const fresh = (action: string) => async (f: ReferralFixture) => `/api/staff/referrals/${await f.freshReferral()}/${action}`;

export const referralCases: ReferralCase[] = [
  // Each school's coordinators get their own queue and settings.
  { name: 'list referrals', method: 'get', path: () => '/api/staff/referrals', allowed: everyCoordinator },
  {
    // A Northgate mentor (the demo pair's): only Northgate's coordinator may file it; a second one is refused in words (409).
    name: 'refer a student',
    method: 'post',
    path: () => '/api/staff/referrals',
    body: (f) => ({ studentId: f.demoPair.mentorId, kind: 'mentor', source: 'self', reasons: [] }),
    allowed: ownCoordinator,
    allowedMeansNotRefused: true,
  },
  { name: "record a student's opt-in", method: 'post', path: fresh('opt-in'), body: {}, allowed: ownCoordinator },
  // A mentor's application asks for no consent: allowed is a refusal in words (409), never 403.
  { name: 'ask for parental consent', method: 'post', path: fresh('consent-request'), allowed: ownCoordinator, allowedMeansNotRefused: true },
  { name: 'record parental consent', method: 'post', path: fresh('consent'), body: { method: 'form' }, allowed: ownCoordinator, allowedMeansNotRefused: true },
  { name: "record a mentor's training", method: 'post', path: fresh('training'), body: { course: 'Child protection', completedOn: '2020-01-01' }, allowed: ownCoordinator },
  { name: 'withdraw a referral', method: 'post', path: fresh('status'), body: { to: 'withdrawn', reason: 'Matrix' }, allowed: ownCoordinator },
  { name: 'pass a referral to the DSL', method: 'post', path: fresh('pass-to-dsl'), body: { whatHappened: 'A matrix case beyond the remit.' }, allowed: ownCoordinator },
  { name: "a referral's parents' letter", method: 'get', path: fresh('letter'), allowed: ownCoordinator },
  { name: 'read programme settings', method: 'get', path: () => '/api/staff/programme-settings', allowed: everyCoordinator },
  { name: 'change programme settings', method: 'put', path: () => '/api/staff/programme-settings', body: { lateAfterMinutes: 6 }, allowed: everyCoordinator },
];
