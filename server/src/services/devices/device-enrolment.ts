import { createHash, randomInt } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { can } from '../../domain/access/policy.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { DeviceRepository } from '../../infra/db/device-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { DeviceTokens } from './device-tokens.js';
import { schoolOf } from '../staff/staff-school.js';

/** No 0/O or 1/I: the code is read off a screen and typed on an iPad. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;
export const ENROLMENT_CODE_LIFETIME = Temporal.Duration.from({ minutes: 30 });

const codeHash = (code: string) => createHash('sha256').update(code).digest('hex');

function newCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

/**
 * Staff enrol a school iPad: they get a short one-time code to type on it
 * (or show as a QR code); the iPad swaps the code for its long-lived,
 * revocable device token. Only the code's hash is stored.
 */
export class DeviceEnrolment {
  constructor(
    private readonly devices: Pick<DeviceRepository, 'createWithCode' | 'findById' | 'redeemCode' | 'revoke'>,
    private readonly tokens: DeviceTokens,
    private readonly clock: Clock,
    private readonly audit: StaffAuditTrail,
  ) {}

  /** A coordinator enrols an iPad for their own school; the enrolment is on the audit trail with it. */
  async enrol(staff: StaffIdentity, label: string) {
    const code = newCode();
    const expiresAt = this.clock.now().add(ENROLMENT_CODE_LIFETIME);
    const device = await this.devices.createWithCode(
      { schoolId: schoolOf(staff), label, enrolledBy: staff.staffId, codeHash: codeHash(code), expiresAt },
      this.audit.recording(staff, (created: { id: string; label: string }) => ({ kind: 'DeviceEnrolled', device: created })),
    );
    return { device, enrolmentCode: `${code.slice(0, 5)}-${code.slice(5)}`, expiresAt: expiresAt.toString() };
  }

  /** Revokes one of the staff member's school's iPads; revoking one already revoked changes (and records) nothing. */
  async revoke(staff: StaffIdentity, deviceId: string): Promise<void> {
    const device = await this.devices.findById(deviceId);
    if (!device) throw AppError.notFound('No such device.');
    if (!can(staff, 'devices:manage', [device.school.id])) throw new AppError('forbidden', 'Your account does not have access to that.');
    await this.devices.revoke(
      device.id,
      this.clock.now(),
      this.audit.recording(staff, () => ({ kind: 'DeviceRevoked', device: { id: device.id, label: device.label } })),
    );
  }

  async redeem(code: string): Promise<string> {
    const device = await this.devices.redeemCode(codeHash(code), this.clock.now());
    if (!device) {
      throw AppError.notFound('That code is not valid any more. Codes work once, for 30 minutes: ask your coordinator for a new one.');
    }
    return this.tokens.issue(device.deviceId, device.schoolId);
  }
}
