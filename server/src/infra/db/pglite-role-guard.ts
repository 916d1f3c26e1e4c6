import type { PGlite } from '@electric-sql/pglite';

/**
 * PGlite has exactly one connection, and it is authenticated as the bootstrap
 * superuser: there are no logins. Dropping to the application role with
 * SET SESSION AUTHORIZATION makes grants bite (SET ROLE and RESET ROLE can no
 * longer reach the superuser), but PostgreSQL lets a session whose
 * *authenticated* user is a superuser set its session authorization back at
 * will. The database cannot be told otherwise, so the embedded driver refuses
 * every statement that could: any text naming session authorization (the SET
 * statement, `SET session_authorization`, RESET), and Unicode-escaped
 * identifiers that could spell it. The application's own SQL never contains
 * either; data travels as parameters, never in the statement text. The other
 * ways to run that statement indirectly (set_config, DO blocks, functions in
 * pg_temp) are closed by revoking them (see PGLITE_LOCKDOWN in database.ts).
 */
const CAN_SWITCH_BACK = /authori[sz]ation|u&["']/i;

export class RoleSwitchRefusedError extends Error {
  /** insufficient_privilege, as PostgreSQL itself answers a refused SET ROLE. */
  readonly code = '42501';
  constructor() {
    super('permission denied: the application connection cannot change its session authorization');
    this.name = 'RoleSwitchRefusedError';
  }
}

function check(sql: unknown): void {
  if (typeof sql === 'string' && CAN_SWITCH_BACK.test(sql)) throw new RoleSwitchRefusedError();
}

type Queryable = Pick<PGlite, 'query' | 'exec'> & { transaction?: PGlite['transaction'] };

/** The same client with every statement (including those inside transactions) checked first. */
export function guardRoleSwitches<T extends Queryable>(client: T): T {
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      if (prop === 'query' || prop === 'exec') {
        return async (sql: unknown, ...rest: unknown[]) => {
          check(sql);
          return (value as (...args: unknown[]) => unknown).call(target, sql, ...rest);
        };
      }
      if (prop === 'transaction') {
        return (fn: (tx: Queryable) => unknown) =>
          (value as (cb: (tx: Queryable) => unknown) => unknown).call(target, (tx: Queryable) => fn(guardRoleSwitches(tx)));
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
}
