import { importEndpoints, type StudentImportReport } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';
import { count } from '../../lib/staff/csv-import';

export type { StudentImportReport } from '@peerbridge/shared';

/** The MIS export as it is; the server reads the columns and matches students by admission number (a 422 is a report too). */
export function importStudents(csv: string, dryRun: boolean): Promise<StudentImportReport> {
  return callApi(importEndpoints.students, { body: csv, query: dryRun ? { dryRun: 'true' } : {} }, { auth: staffAuth });
}

/** "3 new students, 2 updated" */
export function studentImportSummary(report: StudentImportReport): string {
  return `${count(report.toCreate, 'new student', 'new students')}, ${report.toUpdate} updated`;
}
