import { parseCookie } from 'cookie';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { BACKGROUND_REQUEST_HEADER } from '@peerbridge/shared';
import type { StaffAction } from '../../domain/access/policy.js';
import { can, hasRoleFor } from '../../domain/access/policy.js';
import { AppError } from '../../errors.js';
import type { SecondFactor } from '../../services/staff/second-factor.js';
import type { StaffAuth, StaffIdentity, StaffSession } from '../../services/staff/staff-auth.js';

export const STAFF_COOKIE = 'pb_staff';

export function readCookie(req: Request, name: string): string | undefined {
  return cookieFrom(req.headers.cookie, name);
}

/** Percent-decoding that fails means no such cookie (so: not signed in), never an error. */
function decodeOrSkip(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** One cookie's value from a Cookie header, read by the `cookie` package; a malformed header or value is no cookie at all. */
export function cookieFrom(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  return parseCookie(header, { decode: decodeOrSkip })[name];
}

/** httpOnly (no script can read it), SameSite=Strict (no cross-site request carries it), Secure in production. */
export function setStaffCookie(res: Response, token: string, maxAgeMs: number, secure: boolean): void {
  res.cookie(STAFF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: maxAgeMs });
}

export function clearStaffCookie(res: Response, secure: boolean): void {
  res.clearCookie(STAFF_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export function staffOf(res: Response): StaffIdentity {
  const staff = res.locals.staff as StaffIdentity | undefined;
  if (!staff) throw AppError.unauthenticated('Please sign in.');
  return staff;
}

/** The school a staff route acts for (refuses an account with no school); routes and services share one helper. */
export { schoolOf } from '../../services/staff/staff-school.js';

export function staffSessionOf(res: Response): StaffSession {
  const session = res.locals.staffSession as StaffSession | undefined;
  if (!session) throw AppError.unauthenticated('Please sign in.');
  return session;
}

/** Signed-in staff only; the identity is on `res.locals.staff` (and the session on `res.locals.staffSession`) afterwards. */
export function requireStaff(auth: StaffAuth): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = readCookie(req, STAFF_COOKIE);
    if (!token) return next(AppError.unauthenticated('Please sign in.'));
    // Polling shows the page is open, not that anyone is at it: it must not hold the idle time-out off.
    auth.session(token, { activity: req.get(BACKGROUND_REQUEST_HEADER) !== '1' }).then(
      (session) => {
        res.locals.staff = session.staff;
        res.locals.staffSession = session;
        next();
      },
      next,
    );
  };
}

/** Safeguarding records (concerns, chronologies, evidence) need a recent second-factor step-up when it is required. */
export function requireStepUp(secondFactor: SecondFactor): RequestHandler {
  return (_req, res, next) => {
    secondFactor.assertSteppedUp(staffSessionOf(res)).then(() => next(), next);
  };
}

/** A role check before the thing is even looked up: refuses staff whose roles never allow the action. */
export function requireRole(action: StaffAction): RequestHandler {
  return (_req, res, next) => {
    next(hasRoleFor(staffOf(res), action) ? undefined : forbidden());
  };
}

/** The school check once the thing is found: it must belong to (one of) the staff member's school(s). */
export function assertCan(staff: StaffIdentity, action: StaffAction, owningSchoolIds: readonly string[]): void {
  if (!can(staff, action, owningSchoolIds)) throw forbidden();
}

function forbidden() {
  return new AppError('forbidden', 'Your account does not have access to that.');
}
