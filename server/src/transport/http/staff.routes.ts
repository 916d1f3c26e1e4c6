import { staffAccountEndpoints, staffSignInEndpoints, type StaffMe } from '@peerbridge/shared';
import type { StaffImport } from '../../services/staff/staff-import.js';
import type { StaffAuth, StaffIdentity } from '../../services/staff/staff-auth.js';
import { STAFF_SESSION_LIFETIME } from '../../services/staff/staff-auth.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { perMinuteLimit } from './rate-limits.js';
import { clearStaffCookie, readCookie, requireStaff, setStaffCookie, STAFF_COOKIE, staffOf, staffSessionOf } from './staff-session.js';

/** Who is signed in, as the staff screens read it. */
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
  oneTimeCodeTriesPerMinute: number;
  contract?: ContractOptions;
}) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  // A whole school signs in from one address, so this counts failures only and sits far above a school's
  // typos; it slows a guesser spraying many accounts, while each account locks on its own.
  const loginLimit = perMinuteLimit(deps.signInAddressLimitPerMinute, 'Too many sign-in attempts from this network. Wait a minute and try again.', {
    failuresOnly: true,
  });

  on(staffSignInEndpoints.login, loginLimit, async ({ body, res }) => {
    const { token, staff, expiresAt } = await deps.staffAuth.login(body.email, body.password);
    setStaffCookie(res, token, STAFF_SESSION_LIFETIME.total('milliseconds'), deps.secureCookies);
    return { staff: me(staff), expiresAt: expiresAt.toString() };
  });

  /** A newly imported member of staff chooses their password with the one-time code they were given. */
  on(staffAccountEndpoints.setPassword, perMinuteLimit(deps.oneTimeCodeTriesPerMinute, 'Too many tries. Wait a minute and try again.', { failuresOnly: true }), async ({ body }) => {
    await deps.staffImport.setPassword(body.code, body.password);
  });

  on(staffSignInEndpoints.logout, async ({ req, res }) => {
    const token = readCookie(req, STAFF_COOKIE);
    if (token) await deps.staffAuth.logout(token);
    clearStaffCookie(res, deps.secureCookies);
  });

  on(staffSignInEndpoints.me, requireStaff(deps.staffAuth), ({ res }) => ({ staff: me(staffOf(res)) }));

  /** Changing one's password signs out every other browser and realtime connection of that account. */
  on(staffAccountEndpoints.changePassword, requireStaff(deps.staffAuth), loginLimit, async ({ body, res }) => {
    await deps.staffAuth.changePassword(staffSessionOf(res), body.currentPassword, body.newPassword);
  });

  return router;
}
