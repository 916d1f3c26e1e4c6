/*
 * Who may do what, for which school. Pure: the callers pass in who is asking
 * and which schools the thing belongs to; the answer is yes or no. Every
 * route and socket event for staff goes through `can`.
 */

import type { StaffRole } from '@peerbridge/shared';

export type { StaffRole };

export interface StaffPrincipal {
  staffId: string;
  /** Null for a deployment admin, who belongs to no school. */
  schoolId: string | null;
  roles: readonly StaffRole[];
}

export type StaffAction =
  | 'students:read' // own school's students in full
  | 'students:manage' // PINs, consent and training records
  | 'devices:manage' // enrol and revoke school iPads
  | 'sessions:read' // the school's timetabled sessions
  | 'session-log:read' // a session's event log (DSL), every view itself recorded
  | 'session-log:verify'
  | 'sessions:observe' // join a live session as an observer
  | 'sessions:end' // end a live session early for everyone, with a reason (whoever may observe it)
  | 'concerns:raise'
  | 'concerns:handle' // read, amend, export concerns
  | 'notices:read' // what a coordinator must fix (e.g. missing consent)
  | 'schedule:manage' // calendars, availability, programmes, series, pairings
  | 'exits:manage' // ending pairings (planned, early, gradual), the exit questionnaire and its answers
  | 'staff:import' // staff accounts from the MIS export (granting only roles the importer holds)
  | 'audit:read' // the school's staff-action audit trail: who did what, when
  | 'keywords:manage' // the school's safeguarding keyword list for chat
  | 'attendance:read' // attendance computed from the session log, and the list of who is being mentored (either school of a pairing)
  | 'staff:accounts' // the staff accounts screen: roles, set-up codes, resets, deactivation (whose: staff-account-rules.ts)
  | 'reports:read' // the programme reports of the school and of its partnerships (coordinators)
  | 'deployment:manage' // schools, partnerships, each school's first coordinator and DSL (no school of its own)
  | 'referrals:manage' // the school's referral queue and mentor applications (a school's own record)
  | 'programme:settings' // the school's programme settings (referral reasons, lateness, absence notices, escalation)
  | 'targets:read' // a pairing's targets and reviews (either school of the pairing)
  | 'targets:seed' // seed a target for a pair (the mentee's school)
  | 'session-notes:read'; // mentors' notes after sessions (who, of which side: domain/targets/note-readers.ts)

const grants: Record<StaffRole, readonly StaffAction[]> = {
  coordinator: [
    'students:read',
    'students:manage',
    'devices:manage',
    'sessions:read',
    'concerns:raise',
    'notices:read',
    'schedule:manage',
    'exits:manage',
    'staff:import',
    'audit:read',
    'staff:accounts',
    'reports:read',
    'referrals:manage',
    'programme:settings',
    'attendance:read',
    'targets:read',
    'targets:seed',
    'session-notes:read',
  ],
  dsl: [
    'students:read',
    'sessions:read',
    'session-log:read',
    'session-log:verify',
    'sessions:observe',
    'sessions:end',
    'concerns:raise',
    'concerns:handle',
    'keywords:manage',
    'session-notes:read',
    'staff:import',
    'audit:read',
    'staff:accounts',
  ],
  supervisor: ['sessions:read', 'sessions:observe', 'sessions:end', 'concerns:raise'],
  // Runs the deployment; no access to children's records by default.
  admin: ['deployment:manage'],
};

/**
 * Allowed when one of the principal's roles grants the action and the thing
 * belongs to the principal's school. A session belongs to both of its schools,
 * so either school's staff qualify — each sees only what their role allows.
 */
export function can(principal: StaffPrincipal, action: StaffAction, owningSchoolIds: readonly string[]): boolean {
  if (!principal.schoolId || !owningSchoolIds.includes(principal.schoolId)) return false;
  return principal.roles.some((role) => grants[role].includes(action));
}

export function hasRoleFor(principal: StaffPrincipal, action: StaffAction): boolean {
  return principal.roles.some((role) => grants[role].includes(action));
}
