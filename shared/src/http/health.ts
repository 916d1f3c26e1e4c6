import { z } from 'zod';

export const HealthResponse = z.object({ status: z.literal('ok') });

export const ReadinessResponse = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'failing']),
    media: z.object({ workersAlive: z.number().int(), workersExpected: z.number().int() }),
  }),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponse>;
