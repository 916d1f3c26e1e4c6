import { createHash, randomInt } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import { can } from '../../domain/access/policy.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import { LABEL_TAKEN, type DeviceRepository } from '../../infra/db/device-repository.js';
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
    private readonly devices: Pick<DeviceRepository, 'createWithCode' | 'findById' | 'labelTaken' | 'redeemCode' | 'replaceCode' | 'revoke'>,
    private readonly tokens: DeviceTokens,
    private readonly clock: Clock,
    private readonly audit: StaffAuditTrail,
  ) {}

  /**
   * A coordinator enrols an iPad for their own school; the enrolment is on the audit trail
   * with it. Its label must not be another working iPad's: the list would not tell them apart.
   */
  async enrol(staff: StaffIdentity, label: string, room?: string) {
    const schoolId = schoolOf(staff);
    if (await this.devices.labelTaken(schoolId, label)) throw labelTaken(label);
    const code = newCode();
    const expiresAt = this.clock.now().add(ENROLMENT_CODE_LIFETIME);
    const device = await this.devices.createWithCode(
      { schoolId, label, room: room ? room : null, enrolledBy: staff.staffId, codeHash: codeHash(code), expiresAt },
      this.audit.recording(staff, (created: { id: string; label: string }) => ({ kind: 'DeviceEnrolled', device: created })),
    );
    // Another coordinator may have taken the label between the check and the insert.
    if (device === LABEL_TAKEN) throw labelTaken(label);
    return { device, ...shown(code, expiresAt) };
  }

  /**
   * A new code for one of the school's iPads that is not removed: the first code ran out
   * before anyone typed it, or the iPad was wiped. Only the newest code works.
   */
  async issueCode(staff: StaffIdentity, deviceId: string) {
    const device = await this.devices.findById(deviceId);
    if (!device) throw AppError.notFound('No such device.');
    if (!can(staff, 'devices:manage', [device.school.id])) throw new AppError('forbidden', 'Your account does not have access to that.');
    const code = newCode();
    const now = this.clock.now();
    const expiresAt = now.add(ENROLMENT_CODE_LIFETIME);
    const issued =
      !device.revoked &&
      (await this.devices.replaceCode(
        { deviceId, codeHash: codeHash(code), now, expiresAt },
        this.audit.recording(staff, () => ({ kind: 'DeviceCodeIssued', device: { id: device.id, label: device.label } })),
      ));
    if (!issued) throw new AppError('conflict', `“${device.label}” was removed from Peerbridge. Enrol it again as a new iPad.`);
    return { device: { id: device.id, label: device.label }, ...shown(code, expiresAt) };
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

/** The code as it is read off the screen: two groups of five. */
function shown(code: string, expiresAt: Temporal.Instant) {
  return { enrolmentCode: `${code.slice(0, 5)}-${code.slice(5)}`, expiresAt: expiresAt.toString() };
}

function labelTaken(label: string): AppError {
  return new AppError('conflict', `Another iPad at your school is already called “${label}”. Give this one a different name.`, { field: 'label' });
}
