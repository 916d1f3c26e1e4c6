import type { ProfileChange, StudentImportReport } from '@peerbridge/shared';
import { CsvSyntaxError, parseCsv } from '../../domain/import/csv.js';
import { formatFreePeriods } from '../../domain/import/matching-cells.js';
import { readStudentFile, type ProfileRow, type RowProblem } from '../../domain/import/student-rows.js';
import { freePeriodProblems, type BellPeriods } from '../../domain/scheduling/free-periods.js';
import { AppError } from '../../errors.js';
import type { CalendarRepository } from '../../infra/db/calendar-repository.js';
import type { StudentImportRepository } from '../../infra/db/student-import-repository.js';
import type { StaffIdentity } from '../staff/staff-auth.js';
import type { StudentRecords } from './student-records.js';

/**
 * A coordinator's school's students from an MIS export, matched by admission
 * number, optionally with free periods and subjects; or a second file of
 * admission numbers with only those. A dry run reports every bad row and what
 * each would set; an import with any bad row writes nothing, not even the
 * good rows.
 */
export class StudentImport {
  constructor(
    private readonly deps: {
      imports: Pick<StudentImportRepository, 'existingAdmissionNumbers'>;
      records: Pick<StudentRecords, 'importRows' | 'importProfiles'>;
      calendars: Pick<CalendarRepository, 'loadBody'>;
    },
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
    const file = readStudentFile(records);
    const existing = await this.deps.imports.existingAdmissionNumbers(schoolId, file.rows.map((r) => r.admissionNumber));
    const problems: RowProblem[] = [...file.problems];
    if (file.kind === 'profiles') {
      for (const row of file.rows.filter((r) => !existing.has(r.admissionNumber))) {
        problems.push({ line: row.line, reason: `no student with admission number ${row.admissionNumber} at your school (import them first)` });
      }
    }
    problems.push(...(await this.freePeriodProblems(schoolId, file.rows)));
    problems.sort((a, b) => a.line - b.line);

    const rows: ProfileRow[] = file.rows;
    const counts = {
      created: file.kind === 'students' ? rows.filter((r) => !existing.has(r.admissionNumber)).length : 0,
      updated: rows.filter((r) => existing.has(r.admissionNumber)).length,
      freePeriods: rows.filter((r) => r.freePeriods).length,
      subjects: rows.filter((r) => r.subjects).length,
    };
    const summary = {
      dryRun,
      rows: file.rows.length + file.problems.length,
      toCreate: counts.created,
      toUpdate: counts.updated,
      profilesOnly: file.kind === 'profiles',
      profileChanges: rows.filter((r) => r.freePeriods || r.subjects).map(changeOf),
      problems,
    };
    if (problems.length > 0) return { ...summary, written: false };
    if (!dryRun) {
      if (file.kind === 'students') await this.deps.records.importRows(staff, file.rows, counts);
      else await this.deps.records.importProfiles(staff, file.rows, counts);
    }
    return { ...summary, written: !dryRun };
  }

  /** Free periods must be the school's own periods: checked against its bell schedule, which must exist. */
  private async freePeriodProblems(schoolId: string, rows: ProfileRow[]): Promise<RowProblem[]> {
    const withPeriods = rows.filter((r) => r.freePeriods && r.freePeriods.length > 0);
    if (withPeriods.length === 0) return [];
    const { calendar } = await this.deps.calendars.loadBody(schoolId);
    if (!calendar) {
      return withPeriods.map((r) => ({ line: r.line, reason: 'free periods: the school has no bell times yet (set up the calendar first)' }));
    }
    const bell: BellPeriods = { bellSchedule: calendar.bellSchedule, cycleWeeks: calendar.cycleWeeks };
    return withPeriods.flatMap((r) => {
      const found = freePeriodProblems(r.freePeriods!, bell);
      return found.length > 0 ? [{ line: r.line, reason: `free periods: ${found.join('; ')}` }] : [];
    });
  }
}

function changeOf(row: ProfileRow): ProfileChange {
  return {
    line: row.line,
    admissionNumber: row.admissionNumber,
    freePeriods: row.freePeriods ? formatFreePeriods(row.freePeriods) : null,
    subjects: row.subjects ?? null,
  };
}
