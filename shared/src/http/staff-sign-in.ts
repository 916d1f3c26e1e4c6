import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IsoInstant, Uuid } from '../ids.js';

/** What a member of staff may be given; the server's policy and the database enum are built from this one list. */
export const StaffRole = z.enum(['coordinator', 'dsl', 'supervisor', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/** `POST /api/staff/login` */
export const LoginRequest = z.strictObject({
  email: z.email({ message: 'must be an email address' }).max(254),
  password: z.string().min(1, 'is required').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const StaffMe = z.object({
  id: Uuid,
  email: z.string(),
  fullName: z.string(),
  roles: z.array(StaffRole),
  /** `timeZone` (IANA): the staff area shows every time in the school's own zone. */
  school: z.object({ id: Uuid, name: z.string(), timeZone: z.string() }).nullable(),
});
export type StaffMe = z.infer<typeof StaffMe>;

export const LoginResponse = z.object({ staff: StaffMe, expiresAt: IsoInstant });
export const MeResponse = z.object({ staff: StaffMe });

/** Signing in and out; the session is an httpOnly cookie, never in a body. */
export const staffSignInEndpoints = {
  login: endpoint({
    method: 'POST',
    path: '/api/staff/login',
    tag: 'staff sign-in',
    audience: 'public',
    summary: 'Signs a member of staff in: sets the session cookie and answers with who they are.',
    body: LoginRequest,
    response: LoginResponse,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/staff/logout',
    tag: 'staff sign-in',
    audience: 'public',
    summary: 'Ends the session the cookie names (if any) and clears the cookie.',
    response: null,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/staff/me',
    tag: 'staff sign-in',
    audience: 'staff',
    summary: 'Who is signed in.',
    response: MeResponse,
  }),
};
