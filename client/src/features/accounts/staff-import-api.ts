import { StaffRole } from '@peerbridge/shared';
import { z } from 'zod';
import { apiSendCsv, staffAuth } from '../../lib/api-client';
import { ImportReportBase } from '../../lib/staff/csv-import';

// Not in @peerbridge/shared yet: `POST /api/staff/import/staff` answers (200, or 422 with problems).
export const CreatedAccount = z.object({
  email: z.string(),
  fullName: z.string(),
  // Read loosely: a role this client has no name for must not hide the code.
  roles: z.array(z.union([StaffRole, z.string()])),
  setupCode: z.string(),
  expiresAt: z.string(),
});
export type CreatedAccount = z.infer<typeof CreatedAccount>;

export const StaffImportReport = ImportReportBase.extend({
  dryRun: z.boolean().optional(),
  toCreate: z.number().int().default(0),
  existing: z.number().int().default(0),
  created: z.array(CreatedAccount).optional(),
});
export type StaffImportReport = z.infer<typeof StaffImportReport>;

/** Columns first name, surname, email, role (coordinator, dsl, supervisor; several separated by ";"). */
export function importStaff(csv: string, dryRun: boolean): Promise<StaffImportReport> {
  return apiSendCsv(`/api/staff/import/staff?dryRun=${dryRun ? 'true' : 'false'}`, csv, StaffImportReport, { auth: staffAuth });
}
