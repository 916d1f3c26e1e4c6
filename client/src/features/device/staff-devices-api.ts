import { deviceEndpoints, type DeviceSummary, type EnrolDeviceResponse } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export type EnrolledDevice = EnrolDeviceResponse;

/** A coordinator's view of their school's iPads. */
export async function fetchSchoolDevices(signal?: AbortSignal, background = false): Promise<DeviceSummary[]> {
  const { devices } = await callApi(deviceEndpoints.list, {}, { auth: staffAuth, signal, background });
  return devices;
}

/** Creates the device and a one-time code to type on it. */
export function enrolDevice(label: string, room?: string): Promise<EnrolledDevice> {
  return callApi(deviceEndpoints.enrol, { body: room ? { label, room } : { label } }, { auth: staffAuth });
}

/** A fresh one-time code for an iPad already listed; its earlier unused codes stop working. */
export function issueDeviceCode(deviceId: string): Promise<EnrolledDevice> {
  return callApi(deviceEndpoints.newCode, { params: { id: deviceId } }, { auth: staffAuth });
}

/** Signs the iPad out for good; the server also ends any call it is in. */
export function revokeDevice(deviceId: string): Promise<void> {
  return callApi(deviceEndpoints.revoke, { params: { id: deviceId } }, { auth: staffAuth });
}
