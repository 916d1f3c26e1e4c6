import { parseArgs } from 'node:util';
import type { Clock } from '../domain/time/clock.js';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db/database.js';
import { DeploymentRepository } from '../infra/db/deployment-repository.js';
import { StaffImportRepository } from '../infra/db/staff-import-repository.js';
import { DeploymentAdmins, NewAdmin } from '../services/deployment/deployment-admins.js';

export const CREATE_ADMIN_USAGE = 'Usage: npm run create-admin -w @peerbridge/server -- --email you@example.org --name "Your Name"';

/** What `npm start` prints on a database with no admin (and no demo data): how to make the first one. */
export function firstAdminHelp(url: string): string {
  return [
    '',
    '  Peerbridge is running, but nobody can sign in yet: there is no deployment admin.',
    '  There is no default account or password. Stop the server (Ctrl+C) and create the first admin:',
    '',
    '    npm run create-admin -w @peerbridge/server -- --email you@example.org --name "Your Name"',
    '',
    `  It prints a one-time set-up code. Start the server again, open ${url}/staff,`,
    '  choose "I have a set-up code" and choose your password. (With PostgreSQL the server',
    '  may keep running while you do this.) For a look around instead: npm run demo.',
    '',
  ].join('\n');
}

/** What the command prints, and the exit code it ends with. */
export interface CommandResult {
  exitCode: number;
  out: string;
  err: string;
}

/**
 * `create-admin --email … --name …`: a deployment admin with a one-time
 * set-up code, printed once. Separate from the entry point so tests run it
 * against a fresh database without spawning a process.
 */
export async function createAdminCommand(argv: readonly string[], deps: { db: Db; clock: Clock }, url = 'http://localhost:3000'): Promise<CommandResult> {
  let values: { email?: string | undefined; name?: string | undefined };
  try {
    ({ values } = parseArgs({ args: [...argv], options: { email: { type: 'string' }, name: { type: 'string' } }, strict: true }));
  } catch (error) {
    return { exitCode: 2, out: '', err: `${(error as Error).message}\n${CREATE_ADMIN_USAGE}\n` };
  }
  const parsed = NewAdmin.safeParse({ email: values.email ?? '', name: values.name ?? '' });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; ');
    return { exitCode: 2, out: '', err: `${problems}.\n${CREATE_ADMIN_USAGE}\n` };
  }
  const admins = new DeploymentAdmins({ accounts: new StaffImportRepository(deps.db), admins: new DeploymentRepository(deps.db), clock: deps.clock });
  try {
    const admin = await admins.create(parsed.data);
    const out = [
      '',
      `  Deployment admin ${admin.fullName} <${admin.email}> created.`,
      '',
      `  One-time set-up code: ${admin.setupCode}`,
      `  (shown only now; it works once, until ${admin.expiresAt})`,
      '',
      `  Open ${url}/staff, choose "I have a set-up code", type the code and choose a password.`,
      '  Then add the schools, their partnerships and each school\'s first coordinator and DSL.',
      '',
    ].join('\n');
    return { exitCode: 0, out, err: '' };
  } catch (error) {
    if (error instanceof AppError) return { exitCode: 1, out: '', err: `${error.message}\n` };
    throw error;
  }
}
