import { Router } from 'express';
import type { StaffImport } from '../../staff/staff-import.js';
import { perMinuteLimit } from './rate-limits.js';
import { LoginRequest, SetPasswordRequest, type StaffMe } from '@peerbridge/shared';
import type { StaffAuth, StaffIdentity } from '../../staff/staff-auth.js';
import { STAFF_SESSION_LIFETIME } from '../../staff/staff-auth.js';
import { parseInput } from '../validation.js';
import { clearStaffCookie, readCookie, requireStaff, setStaffCookie, STAFF_COOKIE, staffOf } from './staff-session.js';

function me(staff: StaffIdentity): StaffMe {
  return {
    id: staff.staffId,
    email: staff.email,
    fullName: staff.fullName,
    roles: [...staff.roles],
    school: staff.schoolId && staff.schoolName ? { id: staff.schoolId, name: staff.schoolName } : null,
  };
}

export function staffRoutes(deps: { staffAuth: StaffAuth; staffImport: StaffImport; secureCookies: boolean }): Router {
  const router = Router();
  // Per address, on top of the per-account lockout: slows a guesser trying many accounts.
  const loginLimit = perMinuteLimit(10, 'Too many sign-in attempts from this network. Wait a minute and try again.', {
    failuresOnly: true,
  });

  router.post('/login', loginLimit, async (req, res) => {
    const body = parseInput(LoginRequest, req.body, 'sign-in');
    const { token, staff, expiresAt } = await deps.staffAuth.login(body.email, body.password);
    setStaffCookie(res, token, STAFF_SESSION_LIFETIME.total('milliseconds'), deps.secureCookies);
    res.json({ staff: me(staff), expiresAt: expiresAt.toString() });
  });

  /** A newly imported member of staff chooses their password with the one-time code they were given. */
  router.post('/set-password', perMinuteLimit(10, 'Too many tries. Wait a minute and try again.', { failuresOnly: true }), async (req, res) => {
    const body = parseInput(SetPasswordRequest, req.body, 'set-up');
    await deps.staffImport.setPassword(body.code, body.password);
    res.status(204).end();
  });

  router.post('/logout', async (req, res) => {
    const token = readCookie(req, STAFF_COOKIE);
    if (token) await deps.staffAuth.logout(token);
    clearStaffCookie(res, deps.secureCookies);
    res.status(204).end();
  });

  router.get('/me', requireStaff(deps.staffAuth), (_req, res) => {
    res.json({ staff: me(staffOf(res)) });
  });

  return router;
}
