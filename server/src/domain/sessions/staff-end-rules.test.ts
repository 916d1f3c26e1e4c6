import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { StaffRole } from '@peerbridge/shared';
import { decideStaffEnd } from './staff-end-rules.js';

const start = Temporal.Instant.from('2026-11-24T08:40:00Z');
const session = {
  cancelled: false,
  startsAt: start,
  endsAt: start.add({ minutes: 30 }),
  mentor: { schoolId: 'north' },
  mentee: { schoolId: 'river' },
};
const staff = (roles: StaffRole[], schoolId: string | null = 'north') => ({ staffId: 'x', schoolId, roles });
const during = start.add({ minutes: 10 });

describe('who may end a session', () => {
  it('lets a DSL or a supervisor of either school end it', () => {
    for (const roles of [['dsl'], ['supervisor']] as StaffRole[][]) {
      for (const school of ['north', 'river']) {
        expect(decideStaffEnd({ staff: staff(roles, school), session, now: during })).toEqual({ allowed: true });
      }
    }
  });

  it('refuses a coordinator alone, a deployment admin and a school outside the pairing', () => {
    expect(decideStaffEnd({ staff: staff(['coordinator']), session, now: during })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decideStaffEnd({ staff: staff(['admin'], null), session, now: during })).toEqual({ allowed: false, reason: 'forbidden' });
    expect(decideStaffEnd({ staff: staff(['dsl'], 'hill'), session, now: during })).toEqual({ allowed: false, reason: 'forbidden' });
  });

  it('tells an outsider nothing about the session, even one already ended', () => {
    const ended = { ...session, endedByStaff: true };
    expect(decideStaffEnd({ staff: staff(['dsl'], 'hill'), session: ended, now: during })).toEqual({ allowed: false, reason: 'forbidden' });
  });
});

describe('when it can be ended', () => {
  it('only while it is open, from five minutes before the start to the end', () => {
    const dsl = staff(['dsl']);
    expect(decideStaffEnd({ staff: dsl, session, now: start.subtract({ minutes: 5 }) }).allowed).toBe(true);
    expect(decideStaffEnd({ staff: dsl, session, now: start.subtract({ minutes: 6 }) })).toEqual({ allowed: false, reason: 'not_open' });
    expect(decideStaffEnd({ staff: dsl, session, now: start.add({ minutes: 30 }) })).toEqual({ allowed: false, reason: 'not_open' });
    expect(decideStaffEnd({ staff: dsl, session: { ...session, cancelled: true }, now: during })).toEqual({ allowed: false, reason: 'not_open' });
  });

  it('only once', () => {
    expect(decideStaffEnd({ staff: staff(['supervisor']), session: { ...session, endedByStaff: true }, now: during })).toEqual({
      allowed: false,
      reason: 'already_ended',
    });
  });
});
