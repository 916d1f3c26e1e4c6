import type { StudentImportReport } from '@peerbridge/shared';
import { CsvSyntaxError, parseCsv } from '../../domain/import/csv.js';
import { readStudentRows } from '../../domain/import/student-rows.js';
import { AppError } from '../../errors.js';
import type { StudentImportRepository } from '../../infra/db/student-import-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { StudentRecords } from './student-records.js';

/**
 * A coordinator's school's students from an MIS export, matched by admission
 * number. A dry run reports every bad row; an import with any bad row writes
 * nothing, not even the good rows.
 */
export class StudentImport {
  constructor(
    private readonly deps: { imports: Pick<StudentImportRepository, 'existingAdmissionNumbers'>; records: Pick<StudentRecords, 'importRows'> },
  ) {}

  async import(staff: StaffIdentity, schoolId: string, csv: string, dryRun: boolean): Promise<StudentImportReport> {
    let records;
    try {
      records = parseCsv(csv);
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        throw AppError.badRequest(`The file is not valid CSV: ${error.message}.`, { problems: [{ line: error.line, reason: error.message }] });
      }
      throw error;
    }
    const { rows, problems } = readStudentRows(records);
    const existing = await this.deps.imports.existingAdmissionNumbers(schoolId, rows.map((r) => r.admissionNumber));
    const summary = {
      dryRun,
      rows: rows.length + problems.length,
      toCreate: rows.filter((r) => !existing.has(r.admissionNumber)).length,
      toUpdate: rows.filter((r) => existing.has(r.admissionNumber)).length,
      problems,
    };
    if (problems.length > 0) return { ...summary, written: false };
    if (!dryRun) await this.deps.records.importRows(staff, rows, { created: summary.toCreate, updated: summary.toUpdate });
    return { ...summary, written: !dryRun };
  }
}
