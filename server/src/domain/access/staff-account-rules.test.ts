import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { StaffPrincipal } from './policy.js';
import { accountStatus, inviteProblem, mayManageAccount, roleChangeProblem, type ManagedAccount } from './staff-account-rules.js';

const asker = (roles: StaffPrincipal['roles'], schoolId: string | null = 'a', staffId = 'me'): StaffPrincipal => ({ staffId, schoolId, roles });
const account = (roles: ManagedAccount['roles'], schoolId: string | null = 'a', id = 'them'): ManagedAccount => ({ id, schoolId, roles });

describe('mayManageAccount', () => {
  it("lets a coordinator manage every account at their school and none at another's", () => {
    expect(mayManageAccount(asker(['coordinator']), account(['supervisor']))).toBe(true);
    expect(mayManageAccount(asker(['coordinator']), account(['dsl', 'coordinator']))).toBe(true);
    expect(mayManageAccount(asker(['coordinator']), account(['supervisor'], 'b'))).toBe(false);
    expect(mayManageAccount(asker(['coordinator'], null), account(['supervisor'], null))).toBe(false);
  });

  it('lets a safeguarding lead manage safeguarding-lead accounts only', () => {
    expect(mayManageAccount(asker(['dsl']), account(['dsl']))).toBe(true);
    expect(mayManageAccount(asker(['dsl']), account(['dsl', 'supervisor']))).toBe(false);
    expect(mayManageAccount(asker(['dsl']), account(['coordinator']))).toBe(false);
    expect(mayManageAccount(asker(['supervisor']), account(['supervisor']))).toBe(false);
  });
});

describe('inviteProblem', () => {
  it('allows only roles the asker holds', () => {
    expect(inviteProblem(asker(['coordinator']), ['coordinator', 'supervisor'])).toMatch(/not supervisor/);
    expect(inviteProblem(asker(['coordinator', 'supervisor']), ['supervisor'])).toBeNull();
    expect(inviteProblem(asker(['coordinator']), ['dsl'])).toMatch(/roles you hold yourself \(not dsl\)/);
  });

  it('lets a safeguarding lead add safeguarding leads and nothing else', () => {
    expect(inviteProblem(asker(['dsl']), ['dsl'])).toBeNull();
    expect(inviteProblem(asker(['dsl', 'supervisor']), ['supervisor'])).toMatch(/only safeguarding-lead accounts/);
  });
});

describe('roleChangeProblem', () => {
  it('refuses to grant a role the asker lacks, and to take one away', () => {
    expect(roleChangeProblem(asker(['coordinator']), account(['supervisor']), ['supervisor', 'dsl'])).toMatch(/not dsl/);
    expect(roleChangeProblem(asker(['coordinator']), account(['dsl', 'coordinator']), ['coordinator'])).toMatch(/not dsl/);
    expect(roleChangeProblem(asker(['coordinator', 'dsl']), account(['supervisor']), ['supervisor', 'dsl'])).toBeNull();
  });

  it('leaves roles the asker lacks where they are when only others change', () => {
    expect(roleChangeProblem(asker(['coordinator']), account(['dsl']), ['dsl', 'coordinator'])).toBeNull();
  });

  it('refuses taking away one’s own coordinator role, but not other changes to oneself', () => {
    const me = asker(['coordinator', 'dsl']);
    expect(roleChangeProblem(me, account(['coordinator', 'dsl'], 'a', 'me'), ['dsl'])).toMatch(/your own coordinator role/);
    expect(roleChangeProblem(me, account(['coordinator', 'dsl'], 'a', 'me'), ['coordinator'])).toBeNull();
    expect(roleChangeProblem(asker(['coordinator']), account(['coordinator'], 'a', 'other'), ['supervisor'])).toMatch(/not supervisor/);
  });

  it('keeps a safeguarding lead to safeguarding-lead accounts, and everyone to their own school', () => {
    expect(roleChangeProblem(asker(['dsl', 'supervisor']), account(['dsl']), ['dsl', 'supervisor'])).toMatch(/only safeguarding-lead/);
    expect(roleChangeProblem(asker(['dsl']), account(['supervisor']), ['dsl'])).toMatch(/cannot change that account/);
    expect(roleChangeProblem(asker(['coordinator']), account(['supervisor'], 'b'), ['coordinator'])).toMatch(/cannot change that account/);
  });

  it('never gives or takes the deployment admin’s role, and never leaves an account with none', () => {
    expect(roleChangeProblem(asker(['coordinator']), account(['supervisor']), [])).toMatch(/at least one role/);
    expect(roleChangeProblem(asker(['coordinator', 'admin']), account(['coordinator']), ['coordinator', 'admin'])).toMatch(/admin/);
  });
});

describe('accountStatus', () => {
  const now = Temporal.Instant.from('2026-11-02T10:00:00Z');
  const base = { deactivatedAt: null, lockedUntil: null, awaitingSetUp: false };
  it('reads deactivated, then waiting, then locked (only while the lock lasts), then active', () => {
    expect(accountStatus(base, now)).toBe('active');
    expect(accountStatus({ ...base, lockedUntil: now.add({ minutes: 5 }) }, now)).toBe('locked');
    expect(accountStatus({ ...base, lockedUntil: now.subtract({ minutes: 5 }) }, now)).toBe('active');
    expect(accountStatus({ ...base, awaitingSetUp: true, lockedUntil: now.add({ minutes: 5 }) }, now)).toBe('waiting');
    expect(accountStatus({ ...base, awaitingSetUp: true, deactivatedAt: now }, now)).toBe('deactivated');
  });
});
