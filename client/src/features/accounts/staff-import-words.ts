import { count } from '../../lib/staff/csv-import';
import type { SchoolTime } from '../../lib/school-time';
import type { CreatedAccount, StaffImportReport } from './staff-import-api';

/** "2 new staff accounts, 1 already has one" (the server lists the addresses that already have an account). */
export function staffImportSummary(report: Pick<StaffImportReport, 'toCreate' | 'existing'>): string {
  const existing = report.existing.length;
  return `${count(report.toCreate, 'new staff account', 'new staff accounts')}, ${existing} already ${existing === 1 ? 'has one' : 'have one'}`;
}

const ROLE_NAMES: Record<string, string> = {
  coordinator: 'coordinator',
  dsl: 'safeguarding lead',
  supervisor: 'supervisor',
  admin: 'administrator',
};

/** "coordinator and safeguarding lead" */
export function roleWords(roles: readonly string[]): string {
  const names = roles.map((role) => ROLE_NAMES[role] ?? role);
  return names.length <= 1 ? (names[0] ?? 'no role') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** What to do with a set-up code, said once: the server keeps only its hash. */
export function setupCodeWords(account: Pick<CreatedAccount, 'fullName' | 'expiresAt'>, time: SchoolTime): string {
  return `Give this code to ${account.fullName}; it lets them choose a password, once, until ${time.dateTime(account.expiresAt)}.`;
}
