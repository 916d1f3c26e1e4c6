import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { TestClock } from '../../test-support/test-clock.js';
import { RejoinGrants } from './rejoin-grants.js';

const start = Temporal.Instant.from('2026-11-25T10:20:00Z');
const endsAt = Temporal.Instant.from('2026-11-25T10:45:00Z');
const sam = { sessionId: 'ses', studentId: 'sam', deviceId: 'ipad-1' };

describe('RejoinGrants', () => {
  it('gives each join a fresh grant; the one before stops working', () => {
    const grants = new RejoinGrants({ clock: new TestClock(start) });
    const first = grants.issue(sam, endsAt);
    const second = grants.issue(sam, endsAt);
    expect(first).not.toBe(second);
    expect(grants.check(first, sam)).toEqual({ allowed: false, reason: 'unknown' });
    expect(grants.check(second, sam)).toMatchObject({ allowed: true });
    expect(grants.size).toBe(1);
  });

  it('takes a grant once, and marks only that student’s next join as a rejoin', () => {
    const grants = new RejoinGrants({ clock: new TestClock(start) });
    const grant = grants.issue(sam, endsAt);
    expect(grants.redeem(grant, sam)).toMatchObject({ allowed: true });
    expect(grants.redeem(grant, sam)).toEqual({ allowed: false, reason: 'used' });
    expect(grants.takeRedeemed('ses', 'ada')).toBe(false);
    expect(grants.takeRedeemed('ses', 'sam')).toBe(true);
    expect(grants.takeRedeemed('ses', 'sam')).toBe(false);
  });

  it('counts the window from the drop and forgets grants once it is over', () => {
    const clock = new TestClock(start);
    const grants = new RejoinGrants({ clock });
    const grant = grants.issue(sam, endsAt);
    grants.noteDropped('ses', 'sam');
    clock.advance({ minutes: 2, seconds: 59 });
    expect(grants.check(grant, sam)).toMatchObject({ allowed: true });
    clock.advance({ seconds: 2 });
    expect(grants.check(grant, sam)).toEqual({ allowed: false, reason: 'unknown' });
    expect(grants.size).toBe(0);
  });

  it('revokes a student’s grant (Leave) and every grant of a session (its end)', () => {
    const grants = new RejoinGrants({ clock: new TestClock(start) });
    const samGrant = grants.issue(sam, endsAt);
    const ada = { ...sam, studentId: 'ada', deviceId: 'ipad-2' };
    const adaGrant = grants.issue(ada, endsAt);
    grants.revoke('ses', 'sam');
    expect(grants.check(samGrant, sam)).toMatchObject({ allowed: false });
    expect(grants.check(adaGrant, ada)).toMatchObject({ allowed: true });
    grants.revokeSession('ses');
    expect(grants.check(adaGrant, ada)).toMatchObject({ allowed: false });
    expect(grants.size).toBe(0);
  });
});
