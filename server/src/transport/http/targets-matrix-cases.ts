/*
 * The authorization matrix's cases for targets and session notes. Both schools' coordinators see a pairing's
 * targets; only the mentee's school (Riverside, "partner" here) seeds one; each school's coordinators and DSLs
 * list the notes they may read (the school check of which notes is note-readers.ts, tested on its own).
 */
import type { LifecycleCase } from './lifecycle-matrix-cases.js';

type Scope = 'own' | 'partner' | 'other';
type Role = 'coordinator' | 'dsl' | 'supervisor';
const all = (roles: Role[], scopes: Scope[] = ['own', 'partner', 'other']) => new Set(scopes.flatMap((s) => roles.map((r) => `${s}:${r}` as const)));

export const targetsCases: LifecycleCase[] = [
  { name: "see the school's pairings' targets", method: 'get', path: () => '/api/staff/targets', allowed: all(['coordinator']) },
  { name: "see one pairing's targets", method: 'get', path: (f) => `/api/staff/pairings/${f.pairingId}/targets`, allowed: all(['coordinator'], ['own', 'partner']) },
  {
    name: 'seed a target for a pair',
    method: 'post',
    path: (f) => `/api/staff/pairings/${f.pairingId}/targets`,
    body: { what: 'Matrix target', reviewOn: '2031-01-08' },
    allowed: all(['coordinator'], ['partner']),
  },
  { name: "read mentors' session notes", method: 'get', path: () => '/api/staff/session-notes', allowed: all(['coordinator', 'dsl']) },
];
