/*
 * The authorization matrix's cases for exits: either school's coordinator ends a pairing (each case a
 * fresh one, since ending is done once); every coordinator reads their own school's list and form.
 */
import type { LifecycleCase, LifecycleFixture, Role, Scope } from './lifecycle-matrix-cases.js';

type ExitCase = Omit<LifecycleCase, 'method'> & { method: 'get' | 'post' | 'put' };

const all = (roles: Role[], scopes: Scope[] = ['own', 'partner', 'other']) => new Set(scopes.flatMap((s) => roles.map((r) => `${s}:${r}` as const)));
const form = { scale: 4, questions: [{ id: 'helpful', text: 'How helpful was it?' }], freeTextPrompt: 'Anything else?' };

export const exitCases: ExitCase[] = [
  { name: "list the school's pairings and exits", method: 'get', path: () => '/api/staff/exits', allowed: all(['coordinator']) },
  {
    name: 'exit a pairing',
    method: 'post',
    path: async (f: LifecycleFixture) => `/api/staff/pairings/${(await f.freshPairing()).pairingId}/exit`,
    body: { reason: 'programme_finished', note: 'Matrix', mode: 'immediate', questionnaire: true },
    allowed: all(['coordinator'], ['own', 'partner']),
  },
  { name: "read the school's exit questionnaire", method: 'get', path: () => '/api/staff/exit-questionnaire', allowed: all(['coordinator']) },
  { name: "replace the school's exit questionnaire", method: 'put', path: () => '/api/staff/exit-questionnaire', body: { form }, allowed: all(['coordinator']) },
];
