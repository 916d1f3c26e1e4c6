import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { IsoInstant, Uuid } from '../ids.js';
import { IdParams } from './params.js';
import { freeText } from '../text.js';

/*
 * A school's iPads: a coordinator enrols one and gets a one-time code, the
 * iPad swaps the code for its long-lived device token, and a coordinator can
 * revoke it for good.
 */

/** `POST /api/staff/devices`: enrol a school iPad. Its label is unique among the school's working iPads. */
export const EnrolDeviceRequest = z.strictObject({
  label: freeText({ max: 80 }),
  /** Where it lives, e.g. "Library"; optional. */
  room: freeText({ max: 60, required: false }).optional(),
});
export const EnrolDeviceResponse = z.object({
  device: z.object({ id: Uuid, label: z.string() }),
  /** Typed once on the iPad (or read from the QR code); single use. */
  enrolmentCode: z.string(),
  expiresAt: IsoInstant,
});
export type EnrolDeviceResponse = z.infer<typeof EnrolDeviceResponse>;

/**
 * `waiting`: a code was issued but not yet typed on the iPad (not in the pool);
 * `enrolled`: set up and in the pool; `removed`: revoked for good.
 */
export const DeviceStatus = z.enum(['waiting', 'enrolled', 'removed']);
export type DeviceStatus = z.infer<typeof DeviceStatus>;

export const DeviceSummary = z.object({
  id: Uuid,
  label: z.string(),
  room: z.string().nullable(),
  status: DeviceStatus,
  createdAt: IsoInstant,
  redeemedAt: IsoInstant.nullable(),
  /** Recorded at most about once a minute. */
  lastUsedAt: IsoInstant.nullable(),
  revokedAt: IsoInstant.nullable(),
});
export type DeviceSummary = z.infer<typeof DeviceSummary>;

/** Newest first, revoked ones included. */
export const DeviceList = z.object({ devices: z.array(DeviceSummary) });

/** `POST /api/device/enrol` from the iPad itself. */
export const RedeemEnrolmentRequest = z.strictObject({
  code: z
    .string()
    .trim()
    .transform((c) => c.toUpperCase().replace(/[^A-Z0-9]/g, ''))
    .pipe(z.string().length(10, 'must be the 10-character code from your coordinator')),
});
export const RedeemEnrolmentResponse = z.object({ deviceToken: z.string() });

export const deviceEndpoints = {
  list: endpoint({
    method: 'GET',
    path: '/api/staff/devices',
    tag: 'devices',
    audience: 'staff',
    summary: "The coordinator's school's iPads.",
    response: DeviceList,
  }),
  enrol: endpoint({
    method: 'POST',
    path: '/api/staff/devices',
    tag: 'devices',
    audience: 'staff',
    summary: 'Enrols an iPad for the school: answers with a one-time code to type on it.',
    body: EnrolDeviceRequest,
    response: EnrolDeviceResponse,
    status: 201,
  }),
  newCode: endpoint({
    method: 'POST',
    path: '/api/staff/devices/:id/code',
    tag: 'devices',
    audience: 'staff',
    summary: 'Issues a new one-time code for an iPad not removed (its earlier unused codes stop working).',
    params: IdParams,
    response: EnrolDeviceResponse,
    status: 201,
  }),
  revoke: endpoint({
    method: 'POST',
    path: '/api/staff/devices/:id/revoke',
    tag: 'devices',
    audience: 'staff',
    summary: 'Signs an iPad out for good and ends any call it is in.',
    params: IdParams,
    response: null,
  }),
  redeem: endpoint({
    method: 'POST',
    path: '/api/device/enrol',
    tag: 'devices',
    audience: 'public',
    summary: 'The iPad swaps its one-time enrolment code for its device token.',
    body: RedeemEnrolmentRequest,
    response: RedeemEnrolmentResponse,
  }),
};
