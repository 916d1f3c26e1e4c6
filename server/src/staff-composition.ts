import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import type { Clock } from './domain/time/clock.js';
import type { Db } from './infra/db/database.js';
import { SecondFactorRepository } from './infra/db/second-factor-repository.js';
import type { StaffRepository } from './infra/db/staff-repository.js';
import { SecondFactor } from './services/staff/second-factor.js';
import { SecretBox } from './services/staff/secret-box.js';
import { StaffAuth } from './services/staff/staff-auth.js';
import type { StaffSessionsEnded } from './services/staff/staff-sessions-ended.js';

/** Staff sign-in sessions and the second factor over them (part of the composition root, server.ts). */
export function composeStaffAuth(deps: {
  db: Db;
  staff: StaffRepository;
  secret: string;
  sessions: Config['staffSessions'];
  ended: StaffSessionsEnded;
  clock: Clock;
  log: Logger;
}) {
  const { db, staff, clock, log } = deps;
  const staffAuth = new StaffAuth(staff, clock, { log: log.child({ area: 'staff-auth' }), idleTimeout: deps.sessions.idleTimeout, ended: deps.ended });
  const secondFactor = new SecondFactor({
    factors: new SecondFactorRepository(db),
    staff,
    staffAuth,
    box: new SecretBox(deps.secret, 'staff second factor'),
    clock,
    log: log.child({ area: 'second-factor' }),
    required: deps.sessions.stepUpRequired,
    stepUpLasts: deps.sessions.stepUpLasts,
  });
  return { staffAuth, secondFactor };
}
