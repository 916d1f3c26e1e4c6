import { healthEndpoints } from '@peerbridge/shared';
import type { MediaHealth } from '../../media/media-port.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';

export function healthRoutes(deps: { pingDatabase: () => Promise<void>; mediaHealth: () => MediaHealth; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('', deps.contract);

  on(healthEndpoints.live, () => ({ status: 'ok' as const }));

  on(healthEndpoints.ready, async ({ req, res }) => {
    const database = await deps
      .pingDatabase()
      .then(() => 'ok' as const)
      .catch((err: unknown) => {
        req.log.warn({ err }, 'ReadinessDatabaseFailing');
        return 'failing' as const;
      });
    const media = deps.mediaHealth();
    const ready = database === 'ok' && media.workersAlive > 0 && media.workersAlive === media.workersExpected;
    if (!ready) res.status(503);
    return { status: ready ? ('ready' as const) : ('not_ready' as const), checks: { database, media } };
  });

  return router;
}
