/**
 * Device tokens whose signature and claims were already checked, so the iPad's 30-second poll is not an
 * HMAC and a JWT parse each time. Keyed by the whole token string: any other string, a token with one
 * character changed included, is checked afresh. Only what the check itself depends on over time is kept
 * (`exp`, `nbf`), and it is held to the clock exactly as jose's check does; revocation does not live here
 * (the device row is read on every request).
 */
export interface VerifiedClaims {
  sub: string;
  sch: string;
  /** Seconds since the epoch, as in the token. */
  exp?: number | undefined;
  nbf?: number | undefined;
}

export class VerifiedTokens {
  /** A Map keeps insertion order: re-inserting on use makes its first key the least recently used. */
  private readonly entries = new Map<string, VerifiedClaims>();

  constructor(private readonly capacity: number) {}

  /** The token's claims if it was verified and is still within its times at `nowMs`, else undefined. */
  get(token: string, nowMs: number): VerifiedClaims | undefined {
    const claims = this.entries.get(token);
    if (!claims) return undefined;
    if (!withinTimes(claims, nowMs)) {
      this.entries.delete(token);
      return undefined;
    }
    this.entries.delete(token);
    this.entries.set(token, claims);
    return claims;
  }

  remember(token: string, claims: VerifiedClaims): void {
    this.entries.delete(token);
    this.entries.set(token, claims);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** jose's rule with no tolerance: expired once `exp` <= now, not yet valid while `nbf` > now, in whole seconds. */
function withinTimes(claims: VerifiedClaims, nowMs: number): boolean {
  const now = Math.floor(nowMs / 1000);
  if (claims.exp !== undefined && claims.exp <= now) return false;
  if (claims.nbf !== undefined && claims.nbf > now) return false;
  return true;
}
