import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { DeviceRepository } from '../../infra/db/device-repository.js';
import type { Clock } from '../../domain/time/clock.js';
import { VerifiedTokens } from './verified-tokens.js';
import { LAST_USED_RESOLUTION, shouldRecordUse } from '../../domain/devices/device-status.js';

export interface DeviceIdentity {
  deviceId: string;
  label: string;
  school: { id: string; name: string; timeZone: string };
  /** The school's today-list change version as read with the device row (absent: nothing may be reused). */
  schoolDayVersion?: string;
}

const ISSUER = 'peerbridge';
const AUDIENCE = 'peerbridge-device';
const Claims = z.object({ sub: z.uuid(), sch: z.uuid(), exp: z.number().optional(), nbf: z.number().optional() });
/** Far more than a deployment's iPads: a school's whole pool polls without one signature check each. */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * A school iPad carries a signed token naming its device row. The signature
 * proves we issued it; the row (checked on every use) lets a school revoke it.
 */
export class DeviceTokens {
  private readonly key: Uint8Array;
  private readonly verified = new VerifiedTokens(VERIFIED_TOKENS_KEPT);

  constructor(
    secret: string,
    private readonly devices: Pick<DeviceRepository, 'findById' | 'recordUse'>,
    private readonly clock: Clock,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  issue(deviceId: string, schoolId: string): Promise<string> {
    return new SignJWT({ sch: schoolId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(deviceId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(this.clock.now().epochMilliseconds / 1000))
      .sign(this.key);
  }

  async authenticate(token: string): Promise<DeviceIdentity> {
    const claims = this.verified.get(token, this.clock.now().epochMilliseconds) ?? (await this.verify(token));
    const device = await this.devices.findById(claims.sub);
    if (!device || device.school.id !== claims.sch) {
      throw deviceRefused('This iPad is not registered with Peerbridge. Ask your coordinator to set it up.');
    }
    if (device.revoked) {
      throw deviceRefused('This iPad has been removed from Peerbridge by your school.');
    }
    const now = this.clock.now();
    // "Last used" on the coordinator's list; read first so most requests write nothing.
    if (shouldRecordUse(device.lastUsedAt, now)) await this.devices.recordUse(device.id, now, now.subtract(LAST_USED_RESOLUTION));
    return { deviceId: device.id, label: device.label, school: device.school, schoolDayVersion: device.schoolDayVersion };
  }

  private async verify(token: string): Promise<z.infer<typeof Claims>> {
    let claims: z.infer<typeof Claims>;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: new Date(this.clock.now().epochMilliseconds) });
      claims = Claims.parse(payload);
    } catch {
      throw deviceRefused('This iPad’s Peerbridge setup code is not valid. Ask your coordinator to set it up again.');
    }
    this.verified.remember(token, claims);
    return claims;
  }
}

/** Marked so the iPad can tell "this device is not set up" apart from a wrong PIN. */
function deviceRefused(message: string): AppError {
  return new AppError('unauthenticated', message, { scope: 'device' });
}
