import { z } from 'zod';
import { freeText } from '@peerbridge/shared';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { DeploymentRepository } from '../../infra/db/deployment-repository.js';
import type { StaffImportRepository } from '../../infra/db/staff-import-repository.js';
import { newSetupCode, SETUP_CODE_LIFETIME, setupCodeHash } from '../staff/setup-codes.js';

export const NewAdmin = z.strictObject({
  email: z.email({ message: 'must be an email address' }).max(254),
  name: freeText({ max: 120 }),
});
export type NewAdmin = z.infer<typeof NewAdmin>;

/**
 * Deployment admins are made from the command line by whoever runs the
 * server, never by default: there is no built-in account and no default
 * password. The new admin gets a one-time set-up code (as any new account
 * does) and chooses their own password with it at /staff.
 *
 * An admin belongs to no school, so there is no school trail for this to go
 * on; the command's output and the server's log are its record.
 */
export class DeploymentAdmins {
  constructor(
    private readonly deps: {
      accounts: Pick<StaffImportRepository, 'existingEmails' | 'createWithCodes'>;
      admins: Pick<DeploymentRepository, 'hasAdmin'>;
      clock: Clock;
    },
  ) {}

  exists(): Promise<boolean> {
    return this.deps.admins.hasAdmin();
  }

  async create(admin: NewAdmin): Promise<{ email: string; fullName: string; setupCode: string; expiresAt: string }> {
    const email = admin.email.toLowerCase();
    const name = admin.name;
    if ((await this.deps.accounts.existingEmails([email])).size > 0) {
      throw new AppError('conflict', `${email} already has a Peerbridge account.`);
    }
    const code = newSetupCode();
    const codeHash = setupCodeHash(code);
    const expiresAt = this.deps.clock.now().add(SETUP_CODE_LIFETIME);
    await this.deps.accounts.createWithCodes(null, [{ account: { email, fullName: name, roles: ['admin'] }, codeHash }], expiresAt);
    return { email, fullName: name, setupCode: code, expiresAt: expiresAt.toString() };
  }
}
