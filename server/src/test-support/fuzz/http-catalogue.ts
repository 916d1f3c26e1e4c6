import fc from 'fast-check';
import type { z } from 'zod';
import {
  AmendConcernRequest,
  AvailabilityBody,
  ChangePasswordRequest,
  ClosureBody,
  ConcernListQuery,
  ConfirmEnrolmentRequest,
  CreateSeriesBody,
  EligibilityRequest,
  EnrolDeviceRequest,
  ImportQuery,
  LoginRequest,
  MatchingReview,
  PairRequest,
  ProgrammeBody,
  RaiseConcernRequest,
  RedeemEnrolmentRequest,
  SchoolCalendarBody,
  SessionListQuery,
  SetPasswordRequest,
  SetPinRequest,
  StaffAuditQuery,
  StepUpRequest,
  StudentSignInRequest,
  SubjectsBody,
} from '@peerbridge/shared';
import { hostileValue, oddText, percentEncode } from './zod-arbitrary.js';

/** Who sends a fuzzed request: as themselves, so the input gets past sign-in and role checks to validation and beyond. */
export type Principal = 'anyone' | 'device' | 'coordinator' | 'dsl';

export interface RouteSpec {
  as: Principal;
  body?: z.ZodType | 'csv';
  query?: z.ZodType;
}

/** Real ids and values the fuzzer may put in paths, so some requests name real things. */
export interface Fixture {
  sessionId: string;
  concernId: string;
  /** A student of the signed-in coordinator's school who is not in the session the sockets are using. */
  studentId: string;
  partnershipId: string;
  pairingId: string;
  /** A device made for the fuzzer to revoke, never one the sockets use. */
  revocableDeviceId: string;
  feedFile: string;
}

/*
 * Every route the app serves, keyed as express lists them. The suite fails
 * when the app serves a route that is missing here, so a new route is
 * fuzzed from the day it is added.
 */
export const httpRoutes: Record<string, RouteSpec> = {
  'GET /healthz': { as: 'anyone' },
  'GET /readyz': { as: 'anyone' },
  'GET /api/openapi.json': { as: 'anyone' },
  'GET /api/asyncapi.json': { as: 'anyone' },
  'GET /calendar/:file': { as: 'anyone' },
  'POST /api/device/enrol': { as: 'anyone', body: RedeemEnrolmentRequest },
  'POST /api/device/sign-in': { as: 'device', body: StudentSignInRequest },
  'GET /api/device/sessions/today': { as: 'device' },
  'POST /api/staff/login': { as: 'anyone', body: LoginRequest },
  'POST /api/staff/set-password': { as: 'anyone', body: SetPasswordRequest },
  'POST /api/staff/logout': { as: 'anyone' },
  'GET /api/staff/me': { as: 'coordinator' },
  'GET /api/staff/devices': { as: 'coordinator' },
  'POST /api/staff/devices': { as: 'coordinator', body: EnrolDeviceRequest },
  'POST /api/staff/devices/:id/revoke': { as: 'coordinator' },
  'GET /api/staff/sessions': { as: 'dsl', query: SessionListQuery },
  'GET /api/staff/sessions/:id/log': { as: 'dsl' },
  'GET /api/staff/sessions/:id/log/verify': { as: 'dsl' },
  'GET /api/staff/sessions/:id/log/views': { as: 'dsl' },
  'GET /api/staff/students': { as: 'coordinator' },
  'PUT /api/staff/students/:id/pin': { as: 'coordinator', body: SetPinRequest },
  'PUT /api/staff/students/:id/eligibility': { as: 'coordinator', body: EligibilityRequest },
  'GET /api/staff/notices': { as: 'coordinator' },
  'POST /api/staff/notices/:id/resolve': { as: 'coordinator' },
  'POST /api/staff/concerns': { as: 'dsl', body: RaiseConcernRequest },
  'GET /api/staff/concerns': { as: 'dsl', query: ConcernListQuery },
  'GET /api/staff/concerns/:id': { as: 'dsl' },
  'GET /api/staff/concerns/:id/views': { as: 'dsl' },
  'POST /api/staff/concerns/:id/amendments': { as: 'dsl', body: AmendConcernRequest },
  'GET /api/staff/concerns/:id/export.json': { as: 'dsl' },
  'GET /api/staff/concerns/:id/export.csv': { as: 'dsl' },
  'GET /api/staff/students/:id/chronology': { as: 'dsl' },
  'GET /api/staff/live-sessions': { as: 'dsl' },
  'POST /api/staff/import/students': { as: 'coordinator', body: 'csv', query: ImportQuery },
  'POST /api/staff/import/staff': { as: 'coordinator', body: 'csv', query: ImportQuery },
  'POST /api/staff/calendar-feed': { as: 'dsl' },
  'DELETE /api/staff/calendar-feed': { as: 'dsl' },
  'GET /api/staff/calendar': { as: 'coordinator' },
  'PUT /api/staff/calendar': { as: 'coordinator', body: SchoolCalendarBody },
  'GET /api/staff/partnerships': { as: 'coordinator' },
  'GET /api/staff/partnerships/:id/timetables': { as: 'coordinator' },
  'GET /api/staff/partnerships/:id/programme': { as: 'coordinator' },
  'PUT /api/staff/partnerships/:id/programme': { as: 'coordinator', body: ProgrammeBody },
  'PUT /api/staff/students/:id/availability': { as: 'coordinator', body: AvailabilityBody },
  'GET /api/staff/pairings/:id/candidates': { as: 'coordinator' },
  'POST /api/staff/pairings/:id/series': { as: 'coordinator', body: CreateSeriesBody },
  'POST /api/staff/calendar/closures': { as: 'coordinator', body: ClosureBody },
  'POST /api/staff/schedule-changes/:id/accept-replacement': { as: 'coordinator' },
  'GET /api/staff/schedule-changes': { as: 'coordinator' },
  'POST /api/staff/partnerships/:id/suggestions': { as: 'coordinator', body: MatchingReview },
  'POST /api/staff/partnerships/:id/pairings': { as: 'coordinator', body: PairRequest },
  'PUT /api/staff/students/:id/subjects': { as: 'coordinator', body: SubjectsBody },
  'GET /api/staff/audit': { as: 'dsl', query: StaffAuditQuery },
  'GET /api/staff/audit/verify': { as: 'dsl' },
  'GET /api/staff/sessions/:id/log/evidence': { as: 'dsl' },
  'GET /api/staff/students/:id/chronology/views': { as: 'dsl' },
  'POST /api/staff/password': { as: 'coordinator', body: ChangePasswordRequest },
  'POST /api/staff/accounts/:id/deactivate': { as: 'coordinator' },
  'GET /api/staff/second-factor': { as: 'dsl' },
  'POST /api/staff/second-factor/enrolment': { as: 'dsl' },
  'POST /api/staff/second-factor/enrolment/confirm': { as: 'dsl', body: ConfirmEnrolmentRequest },
  'POST /api/staff/second-factor/step-up': { as: 'dsl', body: StepUpRequest },
};

/** The real thing a path's `:id` (or `:file`) may name, by route. */
export function realParam(route: string, f: Fixture): string {
  if (route.includes('/calendar/:file')) return f.feedFile;
  if (route.includes('/sessions/:id')) return f.sessionId;
  if (route.includes('/concerns/:id')) return f.concernId;
  if (route.includes('/students/:id')) return f.studentId;
  if (route.includes('/partnerships/:id')) return f.partnershipId;
  if (route.includes('/pairings/:id')) return f.pairingId;
  if (route.includes('/devices/:id')) return f.revocableDeviceId;
  if (route.includes('/schedule-changes/:id')) return '1';
  return '00000000-0000-4000-8000-000000000000';
}

/** A path segment: the real one, another well-formed one, or anything at all (percent-encoded, or raw and broken). */
export function paramArbitrary(real: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(real) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: oddText.map((t) => percentEncode(t) || '%20') },
    { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%00', '%', '..%2F..', '-1', '0', '1e999', 'NaN', '9'.repeat(400), 'x'.repeat(5000), `${real}.json`) },
  );
}

/** A query string from the route's schema (or none), with the usual tricks: repeats, brackets, bad escapes. */
export function queryArbitrary(values: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const entry = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');
  return fc.oneof(
    values.map((v) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? new URLSearchParams(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]): [string, string] => [k, entry(x)])).toString()
        : `q=${percentEncode(entry(v))}`,
    ),
    fc.constantFrom('status=new&status=closed', 'status[0]=new', '__proto__[admin]=1', 'constructor[prototype][x]=1', 'dryRun=%E0%A4%A', 'from=2026-02-30&to=0000-00-00', 'a'.repeat(9000)),
  );
}

/** CSV bodies: an MIS-like header with broken rows, or anything at all. */
export const csvArbitrary: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(fc.array(fc.oneof(oddText, fc.constantFrom('12', '11', 'Year 12', '"', '""', '"a""b"', 'x'.repeat(300), '')), { minLength: 1, maxLength: 6 }), { maxLength: 6 })
    .chain((rows) =>
      fc.constantFrom('Adno,Forename,Surname,Year,Reg', 'First name,Surname,Email,Role', 'x', '').map((header) => [header, ...rows.map((r) => r.join(','))].join('\r\n')),
    ),
  oddText,
  hostileValue.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')),
);
