import type { StaffRole } from '@peerbridge/shared';
import type { IssuedSetupCode, SchoolStaffRole, StaffAccountStatus } from './staff-accounts-api';
import type { CreatedAccount } from './staff-import-api';

export const STATUS_WORDS: Record<StaffAccountStatus, { label: string; tone: 'ok' | 'todo' | 'off' }> = {
  active: { label: 'Active', tone: 'ok' },
  waiting: { label: 'Waiting for set-up', tone: 'todo' },
  locked: { label: 'Locked (too many wrong passwords)', tone: 'todo' },
  deactivated: { label: 'Deactivated', tone: 'off' },
};

export const ROLE_CHOICES: readonly { role: SchoolStaffRole; label: string }[] = [
  { role: 'coordinator', label: 'Coordinator' },
  { role: 'dsl', label: 'Safeguarding lead (DSL)' },
  { role: 'supervisor', label: 'Supervisor' },
];

/**
 * The roles the signed-in person may give or take away: their own (the server
 * refuses any other), and for a DSL who is not a coordinator only 'dsl'.
 */
export function grantableRoles(own: readonly StaffRole[]): SchoolStaffRole[] {
  const held = ROLE_CHOICES.map((c) => c.role).filter((role) => own.includes(role));
  return own.includes('coordinator') ? held : held.filter((role) => role === 'dsl');
}

/** What is wrong with the invitation, by field; empty when it can be sent. */
export function inviteProblems(input: { fullName: string; email: string; roles: readonly string[] }): Partial<Record<'fullName' | 'email' | 'roles', string>> {
  const problems: Partial<Record<'fullName' | 'email' | 'roles', string>> = {};
  if (!input.fullName.trim()) problems.fullName = 'Name: write their name as colleagues know it, e.g. Ms Jo Ward.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim())) problems.email = 'Email: that is not an email address.';
  if (input.roles.length === 0) problems.roles = 'Roles: choose at least one role.';
  return problems;
}

/** A code from the accounts screen, in the shape the set-up codes card shows. */
export function asCreatedAccount(issued: IssuedSetupCode): CreatedAccount {
  return {
    email: issued.account.email,
    fullName: issued.account.fullName,
    roles: issued.account.roles,
    setupCode: issued.setupCode,
    expiresAt: issued.expiresAt,
  };
}
