import { safeguardingKeywordEndpoints } from '@peerbridge/shared';
import type { SafeguardingKeywords } from '../../services/safeguarding/safeguarding-keywords.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** A school's safeguarding leads read and replace the words that flag chat to them. */
export function staffKeywordRoutes(deps: { safeguardingKeywords: SafeguardingKeywords; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const manages = requireRole('keywords:manage');

  on(safeguardingKeywordEndpoints.get, manages, ({ res }) => deps.safeguardingKeywords.get(staffOf(res)));

  on(safeguardingKeywordEndpoints.put, manages, ({ body, res }) => deps.safeguardingKeywords.set(staffOf(res), body));

  return router;
}
