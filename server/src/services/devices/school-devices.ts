import { Temporal } from 'temporal-polyfill';
import type { DeviceSummary, EnrolDeviceResponse } from '@peerbridge/shared';
import { can } from '../../domain/access/policy.js';
import { deviceStatus } from '../../domain/devices/device-status.js';
import { AppError } from '../../errors.js';
import type { DeviceRepository } from '../../infra/db/device-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { DeviceEnrolment } from './device-enrolment.js';

type DeviceRow = Awaited<ReturnType<DeviceRepository['listForSchool']>>[number];

/** A device as the coordinator's screen lists it: instants in ISO, never the row itself. */
export function toDeviceSummary(row: DeviceRow): DeviceSummary {
  const instant = (d: Date | null) => (d ? Temporal.Instant.fromEpochMilliseconds(d.getTime()) : null);
  return {
    id: row.id,
    label: row.label,
    room: row.room,
    status: deviceStatus({ redeemedAt: instant(row.redeemedAt), revokedAt: instant(row.revokedAt) }),
    createdAt: row.createdAt.toISOString(),
    redeemedAt: row.redeemedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** A coordinator's school's iPads: list, enrol, issue a new code, revoke (which also ends any call the iPad is in). */
export class SchoolDevices {
  constructor(
    private readonly deps: {
      devices: Pick<DeviceRepository, 'listForSchool'>;
      enrolment: Pick<DeviceEnrolment, 'enrol' | 'issueCode' | 'revoke'>;
      /** Ends every call the device is in and disconnects it. */
      onDeviceRevoked: (deviceId: string) => Promise<void>;
    },
  ) {}

  async list(staff: StaffIdentity, schoolId: string): Promise<DeviceSummary[]> {
    this.assertManages(staff, schoolId);
    return (await this.deps.devices.listForSchool(schoolId)).map(toDeviceSummary);
  }

  async enrol(staff: StaffIdentity, schoolId: string, input: { label: string; room?: string | undefined }): Promise<EnrolDeviceResponse> {
    this.assertManages(staff, schoolId);
    const { device, enrolmentCode, expiresAt } = await this.deps.enrolment.enrol(staff, input.label, input.room);
    return { device: { id: device.id, label: device.label }, enrolmentCode, expiresAt };
  }

  /** The device must be the coordinator's own school's (checked by the enrolment). */
  issueCode(staff: StaffIdentity, deviceId: string): Promise<EnrolDeviceResponse> {
    return this.deps.enrolment.issueCode(staff, deviceId);
  }

  /** The device must be the coordinator's own school's (checked by the enrolment); its calls end once it is revoked. */
  async revoke(staff: StaffIdentity, deviceId: string): Promise<void> {
    await this.deps.enrolment.revoke(staff, deviceId);
    await this.deps.onDeviceRevoked(deviceId);
  }

  private assertManages(staff: StaffIdentity, schoolId: string): void {
    if (!can(staff, 'devices:manage', [schoolId])) throw new AppError('forbidden', 'Your account does not have access to that.');
  }
}
