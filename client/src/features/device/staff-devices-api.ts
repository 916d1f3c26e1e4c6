import { DeviceSummary, EnrolDeviceResponse } from '@peerbridge/shared';
import { z } from 'zod';
import { apiGet, apiSend, apiSendNoContent, staffAuth } from '../../lib/api-client';

// The list's envelope is not in @peerbridge/shared; each row is.
const DeviceList = z.object({ devices: z.array(DeviceSummary) });

export type EnrolledDevice = z.infer<typeof EnrolDeviceResponse>;

/** A coordinator's view of their school's iPads. */
export async function fetchSchoolDevices(signal?: AbortSignal): Promise<DeviceSummary[]> {
  const { devices } = await apiGet('/api/staff/devices', DeviceList, { auth: staffAuth, signal });
  return devices;
}

/** Creates the device and a one-time code to type on it. */
export function enrolDevice(label: string): Promise<EnrolledDevice> {
  return apiSend('POST', '/api/staff/devices', { label }, EnrolDeviceResponse, { auth: staffAuth });
}

/** Signs the iPad out for good; the server also ends any call it is in. */
export function revokeDevice(deviceId: string): Promise<void> {
  return apiSendNoContent('POST', `/api/staff/devices/${encodeURIComponent(deviceId)}/revoke`, undefined, {
    auth: staffAuth,
  });
}
