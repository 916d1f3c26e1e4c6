import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { Temporal } from 'temporal-polyfill';
import { DeviceTokens } from './device-tokens.js';
import { VerifiedTokens } from './verified-tokens.js';

const claims = { sub: '00000007-0000-4000-8000-000000000001', sch: '00000001-0000-4000-8000-000000000001' };
const second = (iso: string) => Math.floor(Temporal.Instant.from(iso).epochMilliseconds / 1000);
const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;

describe('verified device tokens', () => {
  it('are kept up to their capacity, the least recently used going first', () => {
    const kept = new VerifiedTokens(2);
    kept.remember('a', claims);
    kept.remember('b', claims);
    expect(kept.get('a', 0)).toEqual(claims);
    kept.remember('c', claims);
    expect(kept.size).toBe(2);
    expect(kept.get('b', 0)).toBeUndefined();
    expect(kept.get('a', 0)).toEqual(claims);
    expect(kept.get('c', 0)).toEqual(claims);
  });

  it('are given back only within their exp and nbf, to the second as jose has it', () => {
    const kept = new VerifiedTokens(10);
    kept.remember('t', { ...claims, nbf: second('2026-12-02T09:00:00Z'), exp: second('2026-12-02T10:00:00Z') });
    expect(kept.get('t', ms('2026-12-02T08:59:59.999Z'))).toBeUndefined();
    kept.remember('t', { ...claims, nbf: second('2026-12-02T09:00:00Z'), exp: second('2026-12-02T10:00:00Z') });
    expect(kept.get('t', ms('2026-12-02T09:00:00Z'))).toBeDefined();
    expect(kept.get('t', ms('2026-12-02T09:59:59.999Z'))).toBeDefined();
    expect(kept.get('t', ms('2026-12-02T10:00:00Z'))).toBeUndefined();
    // Once out of its times it is gone, so a later reading cannot bring it back.
    expect(kept.size).toBe(0);
  });
});

describe('device tokens with verified ones kept', () => {
  const secret = 'a-test-secret-of-enough-length-for-hs256';
  function setUp() {
    let now = Temporal.Instant.from('2026-12-02T09:00:00Z');
    let revoked = false;
    const devices = {
      findById: async (id: string) =>
        id === claims.sub ? { id, label: 'Library iPad', revoked, lastUsedAt: now, school: { id: claims.sch, name: 'Hill', timeZone: 'Europe/London' }, schoolDayVersion: '0' } : undefined,
      recordUse: async () => {},
    };
    const tokens = new DeviceTokens(secret, devices, { now: () => now });
    return { tokens, set: (iso: string) => (now = Temporal.Instant.from(iso)), revoke: () => (revoked = true) };
  }
  const signed = (exp?: number) => {
    const jwt = new SignJWT({ sch: claims.sch }).setProtectedHeader({ alg: 'HS256' }).setSubject(claims.sub).setIssuer('peerbridge').setAudience('peerbridge-device');
    return (exp === undefined ? jwt : jwt.setExpirationTime(exp)).sign(new TextEncoder().encode(secret));
  };

  it('refuse a token that has expired since it was last accepted', async () => {
    const t = setUp();
    const token = await signed(second('2026-12-02T09:30:00Z'));
    await expect(t.tokens.authenticate(token)).resolves.toMatchObject({ deviceId: claims.sub });
    t.set('2026-12-02T09:29:59Z');
    await expect(t.tokens.authenticate(token)).resolves.toMatchObject({ deviceId: claims.sub });
    t.set('2026-12-02T09:30:00Z');
    await expect(t.tokens.authenticate(token)).rejects.toThrow(/not valid/);
  });

  it('refuse a token one character off an accepted one, and an accepted one once its iPad is removed', async () => {
    const t = setUp();
    const token = await t.tokens.issue(claims.sub, claims.sch);
    await expect(t.tokens.authenticate(token)).resolves.toMatchObject({ deviceId: claims.sub });
    // Inside the signature, not its last character (whose low bits are padding a decoder may ignore).
    const at = token.length - 10;
    const altered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    await expect(t.tokens.authenticate(altered)).rejects.toThrow(/not valid/);
    await expect(t.tokens.authenticate(token)).resolves.toMatchObject({ deviceId: claims.sub });
    t.revoke();
    await expect(t.tokens.authenticate(token)).rejects.toThrow(/removed/);
  });
});
