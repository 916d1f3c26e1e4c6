import { z } from 'zod';
import { IsoInstant, Uuid } from '../ids.js';
import { freeText } from '../text.js';

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
  school: z.object({ id: Uuid, name: z.string() }).nullable(),
});
export type StaffMe = z.infer<typeof StaffMe>;

export const LoginResponse = z.object({ staff: StaffMe, expiresAt: IsoInstant });

/** `POST /api/staff/devices`: enrol a school iPad. */
export const EnrolDeviceRequest = z.strictObject({ label: freeText({ max: 80 }) });
export const EnrolDeviceResponse = z.object({
  device: z.object({ id: Uuid, label: z.string() }),
  /** Typed once on the iPad (or read from the QR code); single use. */
  enrolmentCode: z.string(),
  expiresAt: IsoInstant,
});

export const DeviceSummary = z.object({
  id: Uuid,
  label: z.string(),
  createdAt: IsoInstant,
  revokedAt: IsoInstant.nullable(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** `POST /api/device/enrol` from the iPad itself. */
export const RedeemEnrolmentRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase().replace(/[^A-Z0-9]/g, ''))
    .pipe(z.string().length(10, 'must be the 10-character code from your coordinator')),
});
export const RedeemEnrolmentResponse = z.object({ deviceToken: z.string() });

export const SessionLogEntry = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: IsoInstant,
  actor: z.string().nullable(),
  deviceId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  hash: z.string(),
});

export const ChainVerificationResponse = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int(), headHash: z.string() }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int(),
    firstBroken: z.object({
      id: z.union([z.string(), z.number()]),
      seq: z.number().int(),
      problem: z.enum(['content_changed', 'link_broken', 'sequence_gap']),
    }),
  }),
]);

/** `POST /api/staff/set-password`: a newly imported member of staff chooses a password with their one-time code. */
export const SetPasswordRequest = z.strictObject({
  code: z.string().trim().min(1, 'is required').max(40),
  password: z.string().min(12, 'must be at least 12 characters').max(200),
});

/** `PUT /api/staff/students/:id/pin` */
export const SetPinRequest = z.strictObject({ pin: z.string().regex(/^\d{4}$/, 'must be 4 digits') });

/** `PUT /api/staff/students/:id/eligibility`: consent (mentees) and training (mentors). */
export const EligibilityRequest = z
  .strictObject({ parentalConsent: z.boolean().optional(), trainingCompleted: z.boolean().optional() })
  .refine((b) => b.parentalConsent !== undefined || b.trainingCompleted !== undefined, 'say what to record');

/** `GET /api/staff/sessions?from=&to=`: local dates. */
export const SessionListQuery = z.strictObject({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

/** `POST /api/staff/import/students|staff?dryRun=` */
export const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });
