import type { Logger } from 'pino';
import type { Server as SocketServer } from 'socket.io';
import type { ConnectionDrain } from './infra/http/connection-drain.js';
import { CLEANUP_BUDGET_MS, withinBudget, type Cleanups } from './infra/lifecycle/stop-budget.js';

/** Budgets of a stop's first two steps: with a few cleanups' 2 s each, a stop where everything overran still ends inside main.ts's 15 s force exit. */
export const ENDING_CALLS_BUDGET_MS = 5_000;
export const CLOSING_CONNECTIONS_BUDGET_MS = 3_000;

/**
 * The graceful stop, in order: calls are ended (everyone told, their leaving logged), then the
 * connections closed, then the jobs, media and database let go. Each step has a budget
 * (stop-budget.ts), so a stop always ends, and one that ran long says in the log which step it was.
 */
export function gracefulStop(deps: {
  log: Logger;
  calls: { shutdown(): Promise<void> };
  io: SocketServer;
  drain: ConnectionDrain;
  cleanups: Cleanups;
  /** Tests shorten them. */
  budgets?: { endingCallsMs: number; closingConnectionsMs: number; cleanupMs: number };
}): { close(): Promise<void>; step(): string } {
  const { log, calls, io, drain, cleanups } = deps;
  const budgets = deps.budgets ?? { endingCallsMs: ENDING_CALLS_BUDGET_MS, closingConnectionsMs: CLOSING_CONNECTIONS_BUDGET_MS, cleanupMs: CLEANUP_BUDGET_MS };
  let closing: Promise<void> | undefined;
  let step = 'ending calls';
  const overran = (budgetMs: number, details: Record<string, unknown> = {}) =>
    log.warn({ step, budgetMs, ...details }, 'ShutdownStepOverran');

  const run = async () => {
    log.info('ShutdownStarted');
    const endDrain = drain.begin();
    // Left behind if it overruns: on one node, a call it did not end is logged as cut off at the next start (restart-gap.ts).
    if ((await withinBudget(calls.shutdown(), budgets.endingCallsMs)) === 'overran') overran(budgets.endingCallsMs);
    step = 'closing connections';
    // io.close() also closes the HTTP server, which waits for its last connection to end.
    const closed = new Promise<void>((resolve) => void io.close(() => resolve()));
    if ((await withinBudget(closed, budgets.closingConnectionsMs)) === 'overran') {
      overran(budgets.closingConnectionsMs, { cut: drain.cutRemaining() });
      await closed;
    }
    endDrain();
    await cleanups.runAll((name) => (step = `stopping ${name}`), budgets.cleanupMs);
    log.info('ShutdownFinished');
  };
  return { close: () => (closing ??= run()), step: () => step };
}
