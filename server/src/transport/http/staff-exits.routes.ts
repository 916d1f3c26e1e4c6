import { exitEndpoints as endpoints } from '@peerbridge/shared';
import type { PairingExits } from '../../services/exits/pairing-exits.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** Ending pairings (at once or gradually), the school's exit questionnaire and its answers: coordinators. */
export function staffExitRoutes(deps: { pairingExits: PairingExits; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const exits = deps.pairingExits;
  const manage = requireRole('exits:manage');

  on(endpoints.exitPairings, manage, ({ res }) => exits.list(staffOf(res)));
  on(endpoints.startExit, manage, ({ params, body, res }) => exits.start(staffOf(res), params.id, body));
  on(endpoints.exitQuestionnaire, manage, ({ res }) => exits.questionnaire(staffOf(res)));
  on(endpoints.replaceExitQuestionnaire, manage, ({ body, res }) => exits.replaceQuestionnaire(staffOf(res), body.form));
  return router;
}
