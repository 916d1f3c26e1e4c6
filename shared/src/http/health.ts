import { z } from 'zod';
import { endpoint } from './endpoint.js';

export const HealthResponse = z.object({ status: z.literal('ok') });

export const ReadinessResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'failing']),
    media: z.object({ workersAlive: z.number().int(), workersExpected: z.number().int() }),
  }),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponse>;

export const healthEndpoints = {
  live: endpoint({ method: 'GET', path: '/healthz', tag: 'health', audience: 'public', summary: 'The process is up.', response: HealthResponse }),
  ready: endpoint({
    method: 'GET',
    path: '/readyz',
    tag: 'health',
    audience: 'public',
    summary: 'The database answers and every media worker is alive (503 with the same body when not).',
    response: ReadinessResponse,
    answerStatuses: [503],
  }),
};
