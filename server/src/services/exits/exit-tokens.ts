import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';

const ISSUER = 'peerbridge';
const AUDIENCE = 'peerbridge-exit-questionnaire';
const Claims = z.object({ sub: z.uuid(), pai: z.uuid(), dev: z.uuid() });
/** Long enough to answer a few questions and write a sentence or two; short enough that a walk-away does not matter. */
const LIFETIME_SECONDS = 20 * 60;

export interface ExitGrant {
  studentId: string;
  pairingId: string;
  deviceId: string;
}

/** Proof that a student confirmed their PIN on this iPad to answer their exit questionnaire. */
export class ExitTokens {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly clock: Clock,
  ) {
    // Its own key, so neither a join token nor a device token can pass as one.
    this.key = new TextEncoder().encode(`${secret}:exit-questionnaire`);
  }

  issue(grant: ExitGrant): Promise<string> {
    const now = Math.floor(this.clock.now().epochMilliseconds / 1000);
    return new SignJWT({ pai: grant.pairingId, dev: grant.deviceId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(grant.studentId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + LIFETIME_SECONDS)
      .sign(this.key);
  }

  /** The grant, if the token is genuine, not expired, and for this iPad. */
  async verify(token: string, deviceId: string): Promise<ExitGrant> {
    let claims: z.infer<typeof Claims>;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: new Date(this.clock.now().epochMilliseconds),
      });
      claims = Claims.parse(payload);
    } catch {
      throw AppError.unauthenticated('Your sign-in has run out. Go back and enter your PIN again.');
    }
    if (claims.dev !== deviceId) throw AppError.unauthenticated('That sign-in was on another iPad. Enter your PIN again here.');
    return { studentId: claims.sub, pairingId: claims.pai, deviceId: claims.dev };
  }
}
