import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { afterFailure, isLocked, STAFF_LOGIN_LOCKOUT } from './login-lockout.js';
import { can, hasRoleFor, type StaffPrincipal } from './policy.js';

const staff = (roles: StaffPrincipal['roles'], schoolId: string | null = 'a'): StaffPrincipal => ({ staffId: 's', schoolId, roles });

describe('can', () => {
  it("lets a school's DSL read the log of a session involving their school, and nobody else's", () => {
    expect(can(staff(['dsl']), 'session-log:read', ['a', 'b'])).toBe(true);
    expect(can(staff(['dsl'], 'c'), 'session-log:read', ['a', 'b'])).toBe(false);
  });

  it('opens the staff accounts screen to coordinators and DSLs of the school, not supervisors or admins', () => {
    expect(can(staff(['coordinator']), 'staff:accounts', ['a'])).toBe(true);
    expect(can(staff(['dsl']), 'staff:accounts', ['a'])).toBe(true);
    expect(can(staff(['supervisor']), 'staff:accounts', ['a'])).toBe(false);
    expect(can(staff(['admin'], null), 'staff:accounts', ['a'])).toBe(false);
    expect(can(staff(['coordinator'], 'b'), 'staff:accounts', ['a'])).toBe(false);
  });

  it('gives coordinators students and devices but not logs or concerns', () => {
    expect(can(staff(['coordinator']), 'students:manage', ['a'])).toBe(true);
    expect(can(staff(['coordinator']), 'devices:manage', ['a'])).toBe(true);
    expect(can(staff(['coordinator']), 'session-log:read', ['a'])).toBe(false);
    expect(can(staff(['coordinator']), 'concerns:handle', ['a'])).toBe(false);
  });

  it("keeps a school's referrals and programme settings to its own coordinators", () => {
    for (const action of ['referrals:manage', 'programme:settings'] as const) {
      expect(can(staff(['coordinator']), action, ['a'])).toBe(true);
      expect(can(staff(['coordinator'], 'b'), action, ['a'])).toBe(false);
      expect(can(staff(['dsl', 'supervisor']), action, ['a'])).toBe(false);
      expect(can(staff(['admin'], null), action, ['a'])).toBe(false);
    }
  });

  it('never lets staff act for another school, whatever their roles', () => {
    expect(can(staff(['coordinator', 'dsl', 'supervisor']), 'students:read', ['b'])).toBe(false);
  });

  it("gives a deployment admin nothing of children's records", () => {
    const admin = staff(['admin'], null);
    for (const action of ['students:read', 'session-log:read', 'concerns:handle', 'sessions:observe'] as const) {
      expect(can(admin, action, ['a'])).toBe(false);
    }
  });

  it('lets only the deployment admin set up schools, and the admin nothing else', () => {
    expect(hasRoleFor(staff(['admin'], null), 'deployment:manage')).toBe(true);
    for (const roles of [['coordinator'], ['dsl'], ['supervisor'], ['coordinator', 'dsl']] as const) {
      expect(hasRoleFor(staff(roles), 'deployment:manage')).toBe(false);
    }
    for (const action of ['students:manage', 'sessions:read', 'schedule:manage', 'staff:import', 'audit:read', 'staff:accounts'] as const) {
      expect(hasRoleFor(staff(['admin'], null), action)).toBe(false);
    }
  });

  it('lets only coordinators end pairings and run the exit questionnaire, at their own school', () => {
    expect(can(staff(['coordinator']), 'exits:manage', ['a'])).toBe(true);
    expect(can(staff(['coordinator']), 'exits:manage', ['b'])).toBe(false);
    for (const roles of [['dsl'], ['supervisor'], ['admin']] as const) expect(hasRoleFor(staff(roles), 'exits:manage')).toBe(false);
  });

  it('lets supervisors observe but not read logs', () => {
    expect(can(staff(['supervisor']), 'sessions:observe', ['a'])).toBe(true);
    expect(can(staff(['supervisor']), 'session-log:read', ['a'])).toBe(false);
  });
});

describe('lockout', () => {
  const now = Temporal.Instant.from('2026-11-24T09:00:00Z');
  it('locks on the fifth failure for fifteen minutes, then lets the user try again', () => {
    let state = { failures: 0, lockedUntil: null as Temporal.Instant | null };
    for (let i = 0; i < 4; i++) state = afterFailure(state, STAFF_LOGIN_LOCKOUT, now);
    expect(isLocked(state, now)).toBe(false);
    state = afterFailure(state, STAFF_LOGIN_LOCKOUT, now);
    expect(isLocked(state, now)).toBe(true);
    expect(isLocked(state, now.add({ minutes: 14, seconds: 59 }))).toBe(true);
    expect(isLocked(state, now.add({ minutes: 15 }))).toBe(false);
  });
});
