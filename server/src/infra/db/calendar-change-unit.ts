import { CalendarRepository } from './calendar-repository.js';
import type { Db } from './database.js';
import { SchedulingRepository } from './scheduling-repository.js';

/** The repositories a calendar change and its re-flow write through, all bound to one transaction. */
export interface CalendarChangeRepos {
  calendars: CalendarRepository;
  scheduling: SchedulingRepository;
}

class DryRunRollback extends Error {}

/**
 * Runs a calendar change and the re-flow it causes in one transaction, so the calendar is
 * never saved without its cancellations (nor the reverse). A dry run does the same work and
 * rolls it back: the preview is exactly what saving would do, and nothing is written.
 */
export class CalendarChangeUnit {
  constructor(private readonly db: Db) {}

  async run<T>(dryRun: boolean, work: (repos: CalendarChangeRepos) => Promise<T>): Promise<T> {
    let result: { value: T } | undefined;
    try {
      await this.db.transaction(async (tx) => {
        const bound = tx as unknown as Db;
        result = { value: await work({ calendars: new CalendarRepository(bound), scheduling: new SchedulingRepository(bound) }) };
        if (dryRun) throw new DryRunRollback();
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
    }
    return result!.value;
  }
}
