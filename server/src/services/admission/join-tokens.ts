import { jwtVerify, SignJWT } from 'jose';
import type { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';

const ISSUER = 'peerbridge';
const AUDIENCE = 'peerbridge-join';
const Claims = z.object({ sub: z.uuid(), ses: z.uuid(), dev: z.uuid() });

export interface JoinGrant {
  studentId: string;
  sessionId: string;
  deviceId: string;
}

/**
 * Proof that a student confirmed their PIN on this device for this session.
 * Valid only inside the session's join window: from five minutes before the
 * start until the end.
 */
export class JoinTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    // A key of its own, derived from the one secret, so a device token can never pass as a join token.
    this.key = new TextEncoder().encode(`${secret}:join`);
  }

  issue(grant: JoinGrant, window: { opensAt: Temporal.Instant; endsAt: Temporal.Instant }): Promise<string> {
    return new SignJWT({ ses: grant.sessionId, dev: grant.deviceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(grant.studentId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setNotBefore(Math.floor(window.opensAt.epochMilliseconds / 1000))
      .setExpirationTime(Math.ceil(window.endsAt.epochMilliseconds / 1000))
      .sign(this.key);
  }

  /**
   * The grant, if the token is genuine, in its window, and for exactly this student, session and device.
   * `afterEndSeconds`: still accepted this long after its window (the mentor's note on the call-ended screen).
   */
  async verify(token: string, expected: JoinGrant, options: { afterEndSeconds?: number } = {}): Promise<void> {
    let claims: z.infer<typeof Claims>;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: new Date(this.clock.now().epochMilliseconds),
        ...(options.afterEndSeconds ? { clockTolerance: options.afterEndSeconds } : {}),
      });
      claims = Claims.parse(payload);
    } catch {
      throw AppError.unauthenticated('Your sign-in for this session has run out. Go back and enter your PIN again.');
    }
    if (claims.sub !== expected.studentId || claims.ses !== expected.sessionId || claims.dev !== expected.deviceId) {
      throw AppError.unauthenticated('Your sign-in is for a different session. Go back and enter your PIN again.');
    }
  }
}
