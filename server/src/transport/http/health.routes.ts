import { Router } from 'express';
import type { ReadinessResponse } from '@peerbridge/shared';
import type { MediaHealth } from '../../media/media-port.js';

export function healthRoutes(deps: { pingDatabase: () => Promise<void>; mediaHealth: () => MediaHealth }): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (req, res) => {
    const database = await deps
      .pingDatabase()
      .then(() => 'ok' as const)
      .catch((err: unknown) => {
        req.log.warn({ err }, 'ReadinessDatabaseFailing');
        return 'failing' as const;
      });
    const media = deps.mediaHealth();
    const ready = database === 'ok' && media.workersAlive > 0 && media.workersAlive === media.workersExpected;
    const body: ReadinessResponse = { status: ready ? 'ready' : 'not_ready', checks: { database, media } };
    res.status(ready ? 200 : 503).json(body);
  });

  return router;
}
