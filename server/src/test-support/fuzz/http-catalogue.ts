import fc from 'fast-check';
import type { z } from 'zod';
import { allEndpoints, CSV_BODY, type Endpoint } from '@peerbridge/shared';
import { hostileValue, oddText, percentEncode } from './zod-arbitrary.js';

/** Who sends a fuzzed request: as themselves, so the input gets past sign-in and role checks to validation and beyond. */
export type Principal = 'anyone' | 'device' | 'coordinator' | 'dsl' | 'admin';

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
  /** A session happening now made for the fuzzer to end, never the one the sockets use. */
  endableSessionId: string;
  feedFile: string;
  /** A school the deployment admin may add staff to. */
  schoolId: string;
}

/** Staff routes only a safeguarding lead reaches (the rest are fuzzed as a coordinator). */
const DSL_AREAS = /^\/api\/staff\/(sessions|concerns|students\/:id\/chronology|live-sessions|calendar-feed|audit|second-factor)\b/;

/** Routes only the deployment admin reaches. */
const ADMIN_AREAS = /^\/api\/staff\/admin\//;

function principalOf(endpoint: Endpoint): Principal {
  if (endpoint.audience === 'public') return 'anyone';
  if (endpoint.audience === 'device') return 'device';
  if (ADMIN_AREAS.test(endpoint.path)) return 'admin';
  return DSL_AREAS.test(endpoint.path) ? 'dsl' : 'coordinator';
}

/*
 * Every route of the contract, keyed as express lists them, with the schemas
 * its endpoint declares. The suite fails when the app serves a route that is
 * not an endpoint, so a new route is fuzzed from the day it is added.
 */
export const httpRoutes: Record<string, RouteSpec> = Object.fromEntries(
  allEndpoints.map((endpoint): [string, RouteSpec] => [
    `${endpoint.method} ${endpoint.path}`,
    {
      as: principalOf(endpoint),
      ...(endpoint.body ? { body: endpoint.body === CSV_BODY ? 'csv' : endpoint.body } : {}),
      ...(endpoint.query ? { query: endpoint.query } : {}),
    },
  ]),
);

/** The real thing a path's `:id` (or `:file`) may name, by route. */
export function realParam(route: string, f: Fixture): string {
  if (route.includes('/calendar/:file')) return f.feedFile;
  if (route.includes('/sessions/:id/end')) return f.endableSessionId;
  if (route.includes('/sessions/:id')) return f.sessionId;
  if (route.includes('/concerns/:id')) return f.concernId;
  if (route.includes('/students/:id')) return f.studentId;
  if (route.includes('/partnerships/:id')) return f.partnershipId;
  if (route.includes('/pairings/:id')) return f.pairingId;
  if (route.includes('/devices/:id')) return f.revocableDeviceId;
  if (route.includes('/schedule-changes/:id')) return '1';
  if (route.includes('/admin/schools/:id')) return f.schoolId;
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
