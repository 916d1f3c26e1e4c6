import { z } from 'zod';
import { apiSendCsv, staffAuth } from '../../lib/api-client';
import { count, ImportReportBase } from '../../lib/staff/csv-import';

// Not in @peerbridge/shared yet: `POST /api/staff/import/students` answers (200, or 422 with problems).
export const StudentImportReport = ImportReportBase.extend({
  dryRun: z.boolean().optional(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
});
export type StudentImportReport = z.infer<typeof StudentImportReport>;

/** The MIS export as it is; the server reads the columns and matches students by admission number. */
export function importStudents(csv: string, dryRun: boolean): Promise<StudentImportReport> {
  return apiSendCsv(`/api/staff/import/students${dryRun ? '?dryRun=true' : ''}`, csv, StudentImportReport, { auth: staffAuth });
}

/** "3 new students, 2 updated" */
export function studentImportSummary(report: StudentImportReport): string {
  return `${count(report.toCreate, 'new student', 'new students')}, ${report.toUpdate} updated`;
}
