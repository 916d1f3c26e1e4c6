import { z } from 'zod';
import { IsoInstant, Uuid } from '../ids.js';
import { freeText } from '../text.js';
import { IdParams } from './params.js';
import { endpoint } from './endpoint.js';

/*
 * A school's staff accounts, managed by its coordinators (and by its
 * safeguarding leads for safeguarding-lead accounts): list, invite, a new
 * set-up code, a password reset, roles. Nobody can give or take away a role
 * they do not hold themselves.
 */

/** The roles a school's staff can hold; the deployment admin's is never given from a school. */
export const SchoolStaffRole = z.enum(['coordinator', 'dsl', 'supervisor'], { message: 'must be coordinator, dsl or supervisor' });
export type SchoolStaffRole = z.infer<typeof SchoolStaffRole>;

const Roles = z
  .array(SchoolStaffRole)
  .min(1, 'needs at least one role')
  .max(3)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'names a role twice' });

/** Active: can sign in. Waiting: a set-up code is out, no password chosen yet. Locked: too many wrong passwords, for now. */
export const StaffAccountStatus = z.enum(['active', 'waiting', 'locked', 'deactivated']);
export type StaffAccountStatus = z.infer<typeof StaffAccountStatus>;

export const StaffAccountSummary = z.object({
  id: Uuid,
  fullName: z.string(),
  email: z.string(),
  roles: z.array(SchoolStaffRole),
  status: StaffAccountStatus,
  /** Whether the asker may change this account (coordinators: anyone at the school; a DSL: DSL accounts). */
  manageable: z.boolean(),
});
export type StaffAccountSummary = z.infer<typeof StaffAccountSummary>;

export const StaffAccountList = z.object({ accounts: z.array(StaffAccountSummary) });
export type StaffAccountList = z.infer<typeof StaffAccountList>;

/** `POST /api/staff/accounts` */
export const InviteStaffRequest = z.strictObject({
  fullName: freeText({ max: 120 }),
  email: z.string().trim().toLowerCase().max(200).pipe(z.email('is not an email address')),
  roles: Roles,
});
export type InviteStaffRequest = z.infer<typeof InviteStaffRequest>;

/** A one-time set-up code, shown this once to the person who hands it on; only its hash is kept. */
export const IssuedSetupCode = z.object({
  account: StaffAccountSummary,
  setupCode: z.string(),
  expiresAt: IsoInstant,
});
export type IssuedSetupCode = z.infer<typeof IssuedSetupCode>;

/** `PUT /api/staff/accounts/:id/roles`: the whole new set. */
export const ChangeRolesRequest = z.strictObject({ roles: Roles });
export type ChangeRolesRequest = z.infer<typeof ChangeRolesRequest>;

const TAG = 'staff accounts';

export const staffAccountsEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/staff/accounts',
    tag: TAG,
    audience: 'staff',
    summary: "The asker's school's staff accounts, with roles and status.",
    response: StaffAccountList,
  }),
  invite: endpoint({
    method: 'POST',
    path: '/api/staff/accounts',
    tag: TAG,
    audience: 'staff',
    summary: 'Adds one member of staff at the school, with roles the asker holds; answers their one-time set-up code.',
    body: InviteStaffRequest,
    response: IssuedSetupCode,
    status: 201,
  }),
  reissueCode: endpoint({
    method: 'POST',
    path: '/api/staff/accounts/:id/setup-code',
    tag: TAG,
    audience: 'staff',
    summary: 'A new set-up code for an account still waiting for set-up; the earlier code stops working.',
    params: IdParams,
    response: IssuedSetupCode,
  }),
  resetPassword: endpoint({
    method: 'POST',
    path: '/api/staff/accounts/:id/password-reset',
    tag: TAG,
    audience: 'staff',
    summary: 'Ends the password and every session of an account and answers a new set-up code to choose another.',
    params: IdParams,
    response: IssuedSetupCode,
  }),
  changeRoles: endpoint({
    method: 'PUT',
    path: '/api/staff/accounts/:id/roles',
    tag: TAG,
    audience: 'staff',
    summary: "Sets an account's roles; only roles the asker holds can be given or taken away.",
    params: IdParams,
    body: ChangeRolesRequest,
    response: StaffAccountSummary,
  }),
};
