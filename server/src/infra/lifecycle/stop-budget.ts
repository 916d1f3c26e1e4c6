import type { Logger } from 'pino';

/*
 * A graceful stop that cannot hang. Each step of a stop gets a budget; a step that overruns it is
 * logged by name (a warning, with whatever it still held) and left behind, so the steps after it
 * still run and the process still ends cleanly. Without budgets one stuck step (a connection that
 * never closes, an email half-sent to a slow mail server) held the whole stop until the force-exit
 * timer ended the process with code 1, and the log said nothing about which step it was.
 */

/** Whether `work` settled within `budgetMs`. It is never cancelled: an overrunning step carries on behind. */
export async function withinBudget(work: Promise<unknown>, budgetMs: number): Promise<'done' | 'overran'> {
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<'overran'>((resolve) => {
    timer = setTimeout(() => resolve('overran'), budgetMs);
    timer.unref();
  });
  try {
    return await Promise.race([work.then(() => 'done' as const), overran]);
  } finally {
    clearTimeout(timer);
  }
}

interface Cleanup {
  name: string;
  run: () => unknown;
  /** Waited for however long it takes (the database: closing it half-way would lose writes). */
  waitFully: boolean;
}

/** How long one cleanup may take before the stop goes on without it. */
export const CLEANUP_BUDGET_MS = 2_000;

/**
 * What the server lets go of when it stops (or when starting fails part-way), undone newest
 * first: each was set up on what came before it, so the database closes last.
 */
export class Cleanups {
  private readonly list: Cleanup[] = [];

  constructor(private readonly log: Logger) {}

  add(name: string, run: () => unknown, options: { waitFully?: boolean } = {}): void {
    this.list.push({ name, run, waitFully: options.waitFully ?? false });
  }

  /** Runs every cleanup once; a failure or an overrun is logged and the next one still runs. */
  async runAll(onCleanup: (name: string) => void = () => {}, budgetMs = CLEANUP_BUDGET_MS): Promise<void> {
    const pending = this.list.splice(0).reverse();
    for (const cleanup of pending) {
      onCleanup(cleanup.name);
      const work = Promise.resolve()
        .then(cleanup.run)
        .catch((err: unknown) => this.log.error({ err, cleanup: cleanup.name }, 'CleanupFailed'));
      if (cleanup.waitFully) await work;
      else if ((await withinBudget(work, budgetMs)) === 'overran') {
        this.log.warn({ step: `stopping ${cleanup.name}`, budgetMs }, 'ShutdownStepOverran');
      }
    }
  }
}
