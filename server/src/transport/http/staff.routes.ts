import { Router } from 'express';
import { ChangePasswordRequest, LoginRequest, SetPasswordRequest, type StaffMe } from '@peerbridge/shared';
import type { StaffImport } from '../../services/staff/staff-import.js';
import { perMinuteLimit } from './rate-limits.js';
import type { StaffAuth, StaffIdentity } from '../../services/staff/staff-auth.js';
import { STAFF_SESSION_LIFETIME } from '../../services/staff/staff-auth.js';
import { parseInput } from '../validation.js';
import { clearStaffCookie, readCookie, requireStaff, setStaffCookie, STAFF_COOKIE, staffOf, staffSessionOf } from './staff-session.js';

function me(staff: StaffIdentity): StaffMe {
  return {
    id: staff.staffId,
    email: staff.email,
    fullName: staff.fullName,
    roles: [...staff.roles],
    school:
      staff.schoolId && staff.schoolName && staff.schoolTimeZone
        ? { id: staff.schoolId, name: staff.schoolName, timeZone: staff.schoolTimeZone }
        : null,
  };
}

export function staffRoutes(deps: {
  staffAuth: StaffAuth;
  staffImport: StaffImport;
  secureCookies: boolean;
  /** Failed sign-ins per minute from one address; the real guard is the per-account lockout. */
  signInAddressLimitPerMinute: number;
}): Router {
  const router = Router();
  // A whole school signs in from one address, so this counts failures only and sits far above a
  // school's typos; it slows a guesser spraying many accounts, while each account locks on its own.
  const loginLimit = perMinuteLimit(deps.signInAddressLimitPerMinute, 'Too many sign-in attempts from this network. Wait a minute and try again.', {
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

  /** Changing one's password signs out every other browser and realtime connection of that account. */
  router.post('/password', requireStaff(deps.staffAuth), loginLimit, async (req, res) => {
    const body = parseInput(ChangePasswordRequest, req.body, 'password change');
    await deps.staffAuth.changePassword(staffSessionOf(res), body.currentPassword, body.newPassword);
    res.status(204).end();
  });

  return router;
}
