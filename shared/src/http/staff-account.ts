import { z } from 'zod';
import { IsoInstant } from '../ids.js';
import { IdParams } from './params.js';
import { endpoint } from './endpoint.js';

/*
 * A member of staff's own account: password, second factor (TOTP and recovery
 * codes) and step-up before safeguarding records.
 */

const newPassword = z.string().min(12, 'must be at least 12 characters').max(200);

/** `POST /api/staff/set-password`: a newly imported member of staff chooses a password with their one-time code. */
export const SetPasswordRequest = z.strictObject({
  code: z.string().trim().min(1, 'is required').max(40),
  password: newPassword,
});

/** `POST /api/staff/password` */
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** Six digits from the authenticator app; spaces are allowed because apps show "123 456". */
export const TotpCode = z
  .string()
  .transform((v) => v.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'must be the 6 digits your authenticator app shows'));

/** `GET /api/staff/second-factor` */
export const SecondFactorStatus = z.object({
  /** Whether this deployment requires the step-up before safeguarding records. */
  required: z.boolean(),
  enrolled: z.boolean(),
  steppedUpUntil: IsoInstant.nullable(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type SecondFactorStatus = z.infer<typeof SecondFactorStatus>;

/** `POST /api/staff/second-factor/enrolment`: the secret to add to an authenticator app. */
export const StartEnrolmentResponse = z.object({ secret: z.string(), otpauthUri: z.string() });
export type StartEnrolmentResponse = z.infer<typeof StartEnrolmentResponse>;

/** `POST /api/staff/second-factor/enrolment/confirm` */
export const ConfirmEnrolmentRequest = z.strictObject({ code: TotpCode });
/** The recovery codes are shown this once; only their hashes are kept. */
export const ConfirmEnrolmentResponse = z.object({ recoveryCodes: z.array(z.string()), steppedUpUntil: IsoInstant });
export type ConfirmEnrolmentResponse = z.infer<typeof ConfirmEnrolmentResponse>;

/** `POST /api/staff/second-factor/step-up`: a code from the app, or one recovery code. */
export const StepUpRequest = z.union([
  z.strictObject({ code: TotpCode }),
  z.strictObject({ recoveryCode: z.string().trim().min(8, 'is too short').max(40) }),
]);
export type StepUpRequest = z.infer<typeof StepUpRequest>;
export const StepUpResponse = z.object({ steppedUpUntil: IsoInstant });

const ACCOUNT = 'staff account';

export const staffAccountEndpoints = {
  setPassword: endpoint({
    method: 'POST',
    path: '/api/staff/set-password',
    tag: ACCOUNT,
    audience: 'public',
    summary: 'A newly imported member of staff chooses their password with the one-time code they were given.',
    body: SetPasswordRequest,
    response: null,
  }),
  changePassword: endpoint({
    method: 'POST',
    path: '/api/staff/password',
    tag: ACCOUNT,
    audience: 'staff',
    summary: "Changes one's own password; every other session of the account ends.",
    body: ChangePasswordRequest,
    response: null,
  }),
  deactivate: endpoint({
    method: 'POST',
    path: '/api/staff/accounts/:id/deactivate',
    tag: ACCOUNT,
    audience: 'staff',
    summary: "A coordinator closes a colleague's account at their school: its sessions and realtime connections end at once.",
    params: IdParams,
    response: null,
  }),
  secondFactor: endpoint({
    method: 'GET',
    path: '/api/staff/second-factor',
    tag: ACCOUNT,
    audience: 'staff',
    summary: "One's own second factor: enrolled or not, stepped up until when.",
    response: SecondFactorStatus,
  }),
  startEnrolment: endpoint({
    method: 'POST',
    path: '/api/staff/second-factor/enrolment',
    tag: ACCOUNT,
    audience: 'staff',
    summary: 'Starts setting up an authenticator app: the secret to add to it.',
    response: StartEnrolmentResponse,
    status: 201,
  }),
  confirmEnrolment: endpoint({
    method: 'POST',
    path: '/api/staff/second-factor/enrolment/confirm',
    tag: ACCOUNT,
    audience: 'staff',
    summary: 'Confirms the authenticator with a code from it; answers with the recovery codes, shown this once.',
    body: ConfirmEnrolmentRequest,
    response: ConfirmEnrolmentResponse,
  }),
  stepUp: endpoint({
    method: 'POST',
    path: '/api/staff/second-factor/step-up',
    tag: ACCOUNT,
    audience: 'staff',
    summary: 'Steps up with an authenticator code or a recovery code, before safeguarding records.',
    body: StepUpRequest,
    response: StepUpResponse,
  }),
};
