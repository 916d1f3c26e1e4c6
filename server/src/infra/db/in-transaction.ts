import type { Db } from './database.js';

/**
 * More work for a repository to do inside the transaction of its own write,
 * so both commit or neither does (e.g. the audit entry of a staff action).
 * `written` is what the write produced, such as a new row's id.
 */
export type AlsoInTransaction<Written = void> = (tx: Db, written: Written) => Promise<void>;

/** Two pieces of work in the one transaction, in order (an audit entry, then the email it causes). */
export function bothInTransaction<Written>(first: AlsoInTransaction<Written>, second: AlsoInTransaction<Written> | undefined): AlsoInTransaction<Written> {
  if (!second) return first;
  return async (tx, written) => {
    await first(tx, written);
    await second(tx, written);
  };
}
