import { parseCsv, CsvSyntaxError } from '../../domain/import/csv.js';
import { readStaffRows, type ImportableRole } from '../../domain/import/staff-rows.js';
import type { StaffAuditTrail } from '../audit/staff-audit-trail.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import { bothInTransaction } from '../../infra/db/in-transaction.js';
import type { StaffImportRepository } from '../../infra/db/staff-import-repository.js';
import type { NotificationEmails } from '../email/notification-emails.js';
import { hashSecret } from './passwords.js';
import { newSetupCode as newCode, SETUP_CODE_LIFETIME, setupCodeHash as hash } from './setup-codes.js';
import type { StaffIdentity } from './staff-auth.js';
import { schoolOf } from './staff-school.js';

/**
 * Staff accounts from the school's MIS export. Each new account gets a one-time
 * set-up code, shown once to the coordinator who hands it on, and (with
 * SMTP_URL) emailed to the person; they choose their own password with it.
 */
export class StaffImport {
  constructor(
    private readonly deps: {
      imports: StaffImportRepository;
      clock: Clock;
      audit: StaffAuditTrail;
      setupCodeEmails?: Pick<NotificationEmails, 'setupCode'>;
    },
  ) {}

  async import(importer: StaffIdentity, csv: string, dryRun: boolean) {
    let records;
    try {
      records = parseCsv(csv);
    } catch (error) {
      if (error instanceof CsvSyntaxError) throw AppError.badRequest(`The file is not valid CSV: ${error.message}.`);
      throw error;
    }
    const grantable = importer.roles.filter((r): r is ImportableRole => r !== 'admin');
    const { rows, problems } = readStaffRows(records, grantable);
    const existing = await this.deps.imports.existingEmails(rows.map((r) => r.email));
    const fresh = rows.filter((r) => !existing.has(r.email));
    const summary = { dryRun, rows: rows.length + problems.length, toCreate: fresh.length, existing: [...existing], problems };
    if (problems.length > 0 || dryRun) return { ...summary, written: false, created: [] };
    const expiresAt = this.deps.clock.now().add(SETUP_CODE_LIFETIME);
    const withCodes = fresh.map((row) => ({ row, code: newCode() }));
    const mail = this.deps.setupCodeEmails;
    await this.deps.imports.createWithCodes(
      schoolOf(importer),
      withCodes.map(({ row, code }) => ({ account: { email: row.email, fullName: `${row.firstName} ${row.surname}`, roles: row.roles }, codeHash: hash(code) })),
      expiresAt,
      bothInTransaction(
        // Accounts and the roles they were granted: the record of who gave whom which rights.
        this.deps.audit.recording(importer, (accounts) => (accounts.length > 0 ? { kind: 'StaffAccountsImported', accounts } : null)),
        mail
          ? async (tx) => {
              for (const { row, code } of withCodes) {
                await mail.setupCode(tx, { email: row.email, fullName: `${row.firstName} ${row.surname}`, code, codeHash: hash(code), expiresAt });
              }
            }
          : undefined,
      ),
    );
    return {
      ...summary,
      written: true,
      created: withCodes.map(({ row, code }) => ({
        email: row.email,
        fullName: `${row.firstName} ${row.surname}`,
        roles: row.roles,
        setupCode: code,
        expiresAt: expiresAt.toString(),
      })),
    };
  }

  async setPassword(code: string, password: string): Promise<void> {
    const ok = await this.deps.imports.redeem(hash(code), await hashSecret(password), this.deps.clock.now());
    if (!ok) throw AppError.notFound('That set-up code is not valid any more. Codes work once, for 7 days: ask your coordinator for a new one.');
  }
}
