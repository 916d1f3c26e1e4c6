import type { Logger } from 'pino';
import type { Clock } from '../../domain/time/clock.js';
import type { RetentionRepository } from '../../infra/db/retention-repository.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';

export interface PurgeSummary {
  sessionsPurged: number;
  entriesPurged: number;
  sessionsKeptForConcerns: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes session logs past their partnership's retention period, except any
 * a concern is attached to, and records what it did. Runs daily in the server
 * and on demand (`npm run purge -w @peerbridge/server`).
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly deps: { retention: Pick<RetentionRepository, 'candidates' | 'purgeSessionLog' | 'recordPurge'>; events: Pick<SessionEventRepository, 'checkpoint'>; clock: Clock; log: Logger },
  ) {}

  async run(): Promise<PurgeSummary> {
    const now = this.deps.clock.now();
    const { purgeable, keptForConcerns } = await this.deps.retention.candidates(now);
    let sessionsPurged = 0;
    let entriesPurged = 0;
    for (const sessionId of purgeable) {
      // The signed head goes on record first: what the purge leaves behind (an anchor the database
      // writes) is only believed when a checkpoint the server signed says the same.
      await this.deps.events.checkpoint(sessionId, 'purged', now);
      const purged = await this.deps.retention.purgeSessionLog(sessionId);
      if (purged > 0) sessionsPurged++;
      entriesPurged += purged;
    }
    const summary = { sessionsPurged, entriesPurged, sessionsKeptForConcerns: keptForConcerns.length };
    await this.deps.retention.recordPurge({ ranAt: now, ...summary });
    this.deps.log.info(summary, 'RetentionPurgeFinished');
    return summary;
  }

  startDaily(): void {
    const tick = () => {
      this.run().catch((err: unknown) => this.deps.log.error({ err }, 'RetentionPurgeFailed'));
    };
    this.timer = setInterval(tick, DAY_MS);
    this.timer.unref();
    setTimeout(tick, 60_000).unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
