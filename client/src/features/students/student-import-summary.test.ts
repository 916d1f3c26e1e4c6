import { describe, expect, it } from 'vitest';
import { studentImportSummary, type StudentImportReport } from './student-import-api';

const base: StudentImportReport = { dryRun: true, rows: 2, problems: [], written: false, toCreate: 2, toUpdate: 1, profilesOnly: false, profileChanges: [] };
const change = (freePeriods: string | null, subjects: string[] | null) => ({ line: 2, admissionNumber: 'N1', freePeriods, subjects });

describe('studentImportSummary', () => {
  it('counts new and updated students, and what matching gains', () => {
    expect(studentImportSummary(base)).toBe('2 new students, 1 updated');
    expect(studentImportSummary({ ...base, profileChanges: [change('Mon:P1', null), change('Tue:P2', ['maths'])] })).toBe(
      '2 new students, 1 updated; free periods for 2 and subjects for 1',
    );
  });

  it('reads a second file as changes to students on record', () => {
    expect(studentImportSummary({ ...base, toCreate: 0, toUpdate: 1, profilesOnly: true, profileChanges: [change(null, [])] })).toBe(
      '1 student on record: subjects for 1',
    );
  });
});
