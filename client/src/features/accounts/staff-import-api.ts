import { importEndpoints, type StaffImportReport } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export type { CreatedAccount, StaffImportReport } from '@peerbridge/shared';

/** Columns first name, surname, email, role (coordinator, dsl, supervisor; several separated by ";"). A 422 is a report too. */
export function importStaff(csv: string, dryRun: boolean): Promise<StaffImportReport> {
  return callApi(importEndpoints.staff, { body: csv, query: { dryRun: dryRun ? 'true' : 'false' } }, { auth: staffAuth });
}
