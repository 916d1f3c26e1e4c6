import { importEndpoints, type StudentImportReport } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';
import { count } from '../../lib/staff/csv-import';

export type { StudentImportReport } from '@peerbridge/shared';

/** The MIS export as it is; the server reads the columns and matches students by admission number (a 422 is a report too). */
export function importStudents(csv: string, dryRun: boolean): Promise<StudentImportReport> {
  return callApi(importEndpoints.students, { body: csv, query: dryRun ? { dryRun: 'true' } : {} }, { auth: staffAuth });
}

/** "3 new students, 2 updated", or for a second file "free periods or subjects for 2 students"; with what matching gains. */
export function studentImportSummary(report: StudentImportReport): string {
  const changes = report.profileChanges;
  const withPeriods = changes.filter((c) => c.freePeriods !== null).length;
  const withSubjects = changes.filter((c) => c.subjects !== null).length;
  const extra = [withPeriods ? `free periods for ${withPeriods}` : '', withSubjects ? `subjects for ${withSubjects}` : ''].filter(Boolean);
  if (report.profilesOnly) return `${count(report.toUpdate, 'student', 'students')} on record: ${extra.join(' and ') || 'nothing to change'}`;
  return `${count(report.toCreate, 'new student', 'new students')}, ${report.toUpdate} updated${extra.length ? `; ${extra.join(' and ')}` : ''}`;
}
