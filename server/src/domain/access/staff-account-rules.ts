/*
 * Who may change whose staff account, and to which roles. Pure: the caller
 * passes the asker, the account as it is, and (for a role change) the roles
 * asked for; the answer is yes, or a sentence saying why not.
 *
 * Coordinators manage every account at their school; a safeguarding lead who
 * is not also a coordinator manages only safeguarding-lead accounts. Either
 * way, only roles the asker holds can be given or taken away, so nobody can
 * make anyone (themselves included) more powerful than they are, and nobody
 * can take away their own coordinator role (a school could be left with no
 * one able to manage it).
 */

import type { Temporal } from 'temporal-polyfill';
import type { StaffAccountStatus } from '@peerbridge/shared';
import type { StaffPrincipal, StaffRole } from './policy.js';

export interface ManagedAccount {
  id: string;
  schoolId: string | null;
  roles: readonly StaffRole[];
}

/** Whether the asker may act on this account at all (list it as changeable, new code, reset, roles, deactivate). */
export function mayManageAccount(actor: StaffPrincipal, target: ManagedAccount): boolean {
  if (!actor.schoolId || target.schoolId !== actor.schoolId) return false;
  if (actor.roles.includes('coordinator')) return true;
  return actor.roles.includes('dsl') && target.roles.length > 0 && target.roles.every((role) => role === 'dsl');
}

/** Whether the asker may create an account with these roles at their school. */
export function inviteProblem(actor: StaffPrincipal, roles: readonly StaffRole[]): string | null {
  if (!actor.schoolId) return 'Only a school’s staff can add staff to it.';
  const missing = roles.filter((role) => !actor.roles.includes(role));
  if (missing.length > 0) return `You can only give roles you hold yourself (not ${missing.join(', ')}).`;
  if (!actor.roles.includes('coordinator') && roles.some((role) => role !== 'dsl')) {
    return 'A safeguarding lead can add only safeguarding-lead accounts; ask a coordinator.';
  }
  return null;
}

/** Why this change of roles is refused, or null when it may be made. */
export function roleChangeProblem(actor: StaffPrincipal, target: ManagedAccount, wanted: readonly StaffRole[]): string | null {
  if (!mayManageAccount(actor, target)) return 'You cannot change that account.';
  if (wanted.length === 0) return 'An account needs at least one role.';
  if (wanted.includes('admin') || target.roles.includes('admin')) return 'The deployment admin’s role is not given or taken away here.';
  const added = wanted.filter((role) => !target.roles.includes(role));
  const removed = target.roles.filter((role) => !wanted.includes(role));
  const notHeld = [...added, ...removed].filter((role) => !actor.roles.includes(role));
  if (notHeld.length > 0) return `You can only give or take away roles you hold yourself (not ${[...new Set(notHeld)].join(', ')}).`;
  if (!actor.roles.includes('coordinator') && wanted.some((role) => role !== 'dsl')) {
    return 'A safeguarding lead can manage only safeguarding-lead accounts; ask a coordinator.';
  }
  if (target.id === actor.staffId && removed.includes('coordinator')) {
    return 'You cannot take away your own coordinator role; ask another coordinator.';
  }
  return null;
}

export interface AccountState {
  deactivatedAt: Temporal.Instant | null;
  lockedUntil: Temporal.Instant | null;
  /** No password chosen yet: the account waits for its set-up code. */
  awaitingSetUp: boolean;
}

/** What the staff list shows for an account, in that order of precedence. */
export function accountStatus(account: AccountState, now: Temporal.Instant): StaffAccountStatus {
  if (account.deactivatedAt) return 'deactivated';
  if (account.awaitingSetUp) return 'waiting';
  if (account.lockedUntil && account.lockedUntil.epochMilliseconds > now.epochMilliseconds) return 'locked';
  return 'active';
}
