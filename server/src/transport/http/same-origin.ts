import type { Request, RequestHandler } from 'express';
import { AppError } from '../../errors.js';
import { readCookie, STAFF_COOKIE } from './staff-session.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface OriginFacts {
  method: string;
  /** The request carries the staff session cookie: an ambient credential a forged request would ride on. */
  hasStaffCookie: boolean;
  /** A staff route (sign-in, set-up) that has no cookie yet but would set one. */
  isStaffRoute: boolean;
  origin: string | undefined;
  secFetchSite: string | undefined;
  /** This server's own origin, as the request addressed it, plus any configured ones. */
  allowedOrigins: ReadonlySet<string>;
}

export type CrossOriginRefusal = 'cross_site_fetch' | 'foreign_origin' | 'missing_origin';

/**
 * SameSite=Strict keeps the cookie off cross-site requests in today's
 * browsers, but not off same-site ones (a sibling subdomain) nor in older
 * browsers. So an unsafe staff request must also prove it came from our own
 * pages: browsers send Origin (and Sec-Fetch-Site) on every POST, PUT, PATCH
 * and DELETE, and a page elsewhere cannot forge either. A request without
 * Origin is only accepted when it carries no cookie (a script, not a browser).
 */
export function crossOriginRefusal(facts: OriginFacts): CrossOriginRefusal | undefined {
  if (!UNSAFE_METHODS.has(facts.method.toUpperCase())) return undefined;
  if (!facts.hasStaffCookie && !facts.isStaffRoute) return undefined;
  if (facts.secFetchSite !== undefined && facts.secFetchSite !== 'same-origin') return 'cross_site_fetch';
  if (facts.origin === undefined) return facts.hasStaffCookie ? 'missing_origin' : undefined;
  return facts.allowedOrigins.has(normaliseOrigin(facts.origin) ?? '') ? undefined : 'foreign_origin';
}

/** `HTTPS://Example.org:443` and `https://example.org` are one origin; `null` and garbage are none. */
export function normaliseOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function ownOrigin(req: Request): string | undefined {
  // Behind a trusted proxy, req.protocol and req.host follow X-Forwarded-Proto and X-Forwarded-Host.
  return req.host ? normaliseOrigin(`${req.protocol}://${req.host}`) : undefined;
}

const header = (req: Request, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
};

export function requireSameOrigin(configured: readonly string[]): RequestHandler {
  const configuredOrigins = configured.map(normaliseOrigin).filter((o): o is string => o !== undefined);
  return (req, _res, next) => {
    const own = ownOrigin(req);
    const refusal = crossOriginRefusal({
      method: req.method,
      hasStaffCookie: readCookie(req, STAFF_COOKIE) !== undefined,
      isStaffRoute: req.path.startsWith('/api/staff/') || req.path === '/api/staff',
      origin: header(req, 'origin'),
      secFetchSite: header(req, 'sec-fetch-site'),
      allowedOrigins: new Set(own ? [own, ...configuredOrigins] : configuredOrigins),
    });
    next(refusal ? crossOriginError(refusal) : undefined);
  };
}

/**
 * A staff socket rides on the same cookie, and a page on a sibling subdomain
 * gets it sent with its WebSocket. Browsers always send Origin on a WebSocket
 * handshake, so a cookie-authenticated socket must name an allowed origin: the
 * host it connected to (X-Forwarded-Host behind a trusted proxy) or a
 * configured one.
 */
export function staffSocketOriginRefusal(
  headers: Record<string, string | string[] | undefined>,
  options: { allowedOrigins: readonly string[]; trustProxy: boolean },
): CrossOriginRefusal | undefined {
  const one = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' ? value.split(',')[0]!.trim() : undefined;
  };
  const origin = one('origin');
  if (origin === undefined) return 'missing_origin';
  const normalised = normaliseOrigin(origin);
  if (!normalised) return 'foreign_origin';
  if (options.allowedOrigins.some((allowed) => normaliseOrigin(allowed) === normalised)) return undefined;
  const host = (options.trustProxy ? one('x-forwarded-host') : undefined) ?? one('host');
  return host !== undefined && new URL(normalised).host === new URL(`http://${host}`).host ? undefined : 'foreign_origin';
}

export function crossOriginError(reason: CrossOriginRefusal): AppError {
  return new AppError('cross_origin', 'This request did not come from a Peerbridge page, so it was refused. Reload Peerbridge and try again.', {
    reason,
  });
}
