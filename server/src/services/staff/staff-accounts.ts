import type { Logger } from 'pino';
import type { IssuedSetupCode, SchoolStaffRole, StaffAccountList, StaffAccountSummary } from '@peerbridge/shared';
import type { StaffRole } from '../../domain/access/policy.js';
import { accountStatus, inviteProblem, mayManageAccount, roleChangeProblem } from '../../domain/access/staff-account-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { StaffAccountRow, StaffAccountsRepository } from '../../infra/db/staff-accounts-repository.js';
import type { StaffRepository } from '../../infra/db/staff-repository.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import type { Temporal } from 'temporal-polyfill';
import type { Db } from '../../infra/db/database.js';
import { bothInTransaction } from '../../infra/db/in-transaction.js';
import type { NotificationEmails } from '../email/notification-emails.js';
import { newSetupCode, SETUP_CODE_LIFETIME, setupCodeHash } from './setup-codes.js';
import type { StaffAuth, StaffIdentity } from './staff-auth.js';
import { schoolOf } from './staff-school.js';

const forbidden = () => new AppError('forbidden', 'Your account does not have access to that.');
const schoolRoles = (roles: readonly StaffRole[]) => roles.filter((r): r is SchoolStaffRole => r !== 'admin');

/**
 * A school's staff accounts, as its coordinators (and its safeguarding leads,
 * for safeguarding-lead accounts) manage them: who is there, new people, new
 * set-up codes, password resets, roles, and closing a leaver's account. Who
 * may do which is domain/access/staff-account-rules.ts; every change is on the
 * staff audit trail, written in the change's own transaction.
 */
export class StaffAccounts {
  constructor(
    private readonly deps: {
      staff: Pick<StaffRepository, 'deactivate'>;
      accounts: Pick<StaffAccountsRepository, 'listAt' | 'find' | 'invite' | 'issueCode' | 'setRoles'>;
      staffAuth: Pick<StaffAuth, 'endAllSessions'>;
      audit: StaffAuditTrail;
      clock: Clock;
      log: Logger;
      /** Mails a new person their set-up code (absent without SMTP_URL: the code is only shown on screen). */
      setupCodeEmails?: Pick<NotificationEmails, 'setupCode'>;
    },
  ) {}

  async list(actor: StaffIdentity): Promise<StaffAccountList> {
    const accounts = await this.deps.accounts.listAt(schoolOf(actor));
    // A safeguarding lead's screen is about safeguarding-lead accounts; the rest are the coordinators'.
    const visible = actor.roles.includes('coordinator') ? accounts : accounts.filter((a) => mayManageAccount(actor, a));
    // Closed accounts after the open ones: leavers are looked up now and then, colleagues daily.
    const summaries = visible.map((a) => this.summary(actor, a));
    return { accounts: [...summaries.filter((a) => a.status !== 'deactivated'), ...summaries.filter((a) => a.status === 'deactivated')] };
  }

  async invite(actor: StaffIdentity, input: { fullName: string; email: string; roles: SchoolStaffRole[] }): Promise<IssuedSetupCode> {
    const schoolId = schoolOf(actor);
    const problem = inviteProblem(actor, input.roles);
    if (problem) throw new AppError('forbidden', problem, { field: 'roles' });
    const { code, stored, expiresAt } = this.freshCode();
    const account = await this.deps.accounts.invite(
      { schoolId, email: input.email, fullName: input.fullName, roles: input.roles },
      stored,
      bothInTransaction(
        this.deps.audit.recording(actor, (created: StaffAccountRow) => ({
          kind: 'StaffAccountInvited',
          account: { id: created.id, fullName: created.fullName, roles: schoolRoles(created.roles) },
        })),
        this.mailCode(input, code, stored),
      ),
    );
    if (!account) throw new AppError('conflict', `${input.email} already has a Peerbridge account.`, { field: 'email' });
    this.deps.log.info({ staffId: account.id, by: actor.staffId }, 'StaffAccountInvited');
    return { account: this.summary(actor, account), setupCode: code, expiresAt };
  }

  /** A new code for someone who has not used theirs yet (lost, or out of date). */
  async reissueCode(actor: StaffIdentity, staffId: string): Promise<IssuedSetupCode> {
    const target = await this.manageable(actor, staffId);
    if (!target.awaitingSetUp) {
      throw new AppError('conflict', `${target.fullName} has already chosen a password; reset it instead if they cannot sign in.`);
    }
    return this.issue(actor, target, false);
  }

  /** The old password stops working and every session of that person ends, now; they choose a new one with the code. */
  async resetPassword(actor: StaffIdentity, staffId: string): Promise<IssuedSetupCode> {
    const target = await this.manageable(actor, staffId);
    if (target.id === actor.staffId) throw new AppError('conflict', 'To change your own password, use "Change password".');
    const issued = await this.issue(actor, target, true);
    await this.deps.staffAuth.endAllSessions(target.id);
    return issued;
  }

  async changeRoles(actor: StaffIdentity, staffId: string, roles: SchoolStaffRole[]): Promise<StaffAccountSummary> {
    const target = await this.manageable(actor, staffId);
    const problem = roleChangeProblem(actor, target, roles);
    if (problem) throw new AppError('forbidden', problem, { field: 'roles' });
    const from = schoolRoles(target.roles);
    const same = from.length === roles.length && from.every((r) => roles.includes(r));
    if (!same) {
      await this.deps.accounts.setRoles(
        target.id,
        roles,
        this.deps.audit.recording(actor, () => ({ kind: 'StaffRolesChanged', account: { id: target.id, fullName: target.fullName }, from, to: roles })),
      );
      this.deps.log.info({ staffId: target.id, by: actor.staffId }, 'StaffRolesChanged');
    }
    return this.summary(actor, (await this.deps.accounts.find(target.id))!);
  }

  /** Closes a leaver's account: they are out everywhere at once; what they wrote stays theirs. */
  async deactivate(actor: StaffIdentity, staffId: string): Promise<void> {
    const target = await this.deps.accounts.find(staffId);
    if (!target) throw AppError.notFound('No such member of staff.');
    if (!mayManageAccount(actor, target)) throw forbidden();
    if (target.id === actor.staffId) throw new AppError('conflict', 'You cannot deactivate your own account; ask another coordinator.');
    await this.deps.staff.deactivate(
      target.id,
      this.deps.clock.now(),
      this.deps.audit.recording(actor, () => ({ kind: 'StaffAccountDeactivated', account: { id: target.id, fullName: target.fullName } })),
    );
    await this.deps.staffAuth.endAllSessions(target.id);
    this.deps.log.info({ staffId: target.id, by: actor.staffId }, 'StaffAccountDeactivated');
  }

  /** An open account the asker may change; another school's is refused as forbidden, as every cross-school staff route is. */
  private async manageable(actor: StaffIdentity, staffId: string): Promise<StaffAccountRow> {
    const target = await this.deps.accounts.find(staffId);
    if (!target) throw AppError.notFound('No such member of staff.');
    if (!mayManageAccount(actor, target)) throw forbidden();
    if (target.deactivatedAt) throw new AppError('conflict', `${target.fullName}'s account is closed.`);
    return target;
  }

  private async issue(actor: StaffIdentity, target: StaffAccountRow, resetPassword: boolean): Promise<IssuedSetupCode> {
    const { code, stored, expiresAt } = this.freshCode();
    const account = { id: target.id, fullName: target.fullName };
    await this.deps.accounts.issueCode(
      target.id,
      stored,
      { resetPassword },
      bothInTransaction(
        this.deps.audit.recording(actor, () => (resetPassword ? { kind: 'StaffPasswordReset', account } : { kind: 'StaffSetupCodeReissued', account })),
        // A new code for someone not yet set up goes to them as the first did; a reset is handed over in person.
        resetPassword ? undefined : this.mailCode(target, code, stored),
      ),
    );
    this.deps.log.info({ staffId: target.id, by: actor.staffId }, resetPassword ? 'StaffPasswordReset' : 'StaffSetupCodeReissued');
    return { account: this.summary(actor, (await this.deps.accounts.find(target.id))!), setupCode: code, expiresAt };
  }

  private mailCode(to: { email: string; fullName: string }, code: string, stored: { codeHash: string; expiresAt: Temporal.Instant }) {
    const mail = this.deps.setupCodeEmails;
    if (!mail) return undefined;
    return (tx: Db) => mail.setupCode(tx, { email: to.email, fullName: to.fullName, code, codeHash: stored.codeHash, expiresAt: stored.expiresAt });
  }

  private freshCode() {
    const code = newSetupCode();
    const expires = this.deps.clock.now().add(SETUP_CODE_LIFETIME);
    return { code, stored: { codeHash: setupCodeHash(code), expiresAt: expires }, expiresAt: expires.toString() };
  }

  private summary(actor: StaffIdentity, account: StaffAccountRow): StaffAccountSummary {
    return {
      id: account.id,
      fullName: account.fullName,
      email: account.email,
      roles: schoolRoles(account.roles),
      status: accountStatus(account, this.deps.clock.now()),
      manageable: mayManageAccount(actor, account) && account.id !== actor.staffId,
    };
  }
}
