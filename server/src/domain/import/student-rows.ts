import { z } from 'zod';
import { freeText } from '@peerbridge/shared';
import type { CsvRecord } from './csv.js';
import { parseFreePeriodsCell, parseSubjectsCell, type CellResult, type FreeSlotCell } from './matching-cells.js';

/*
 * Students as school MIS systems export them (SIMS, Arbor, Bromcom and the
 * like name the columns differently): admission number, first name, surname,
 * year and tutor group. Year decides the role: Years 12–13 mentor, Year 11 is
 * mentored. Every bad row is reported with its line and reason.
 *
 * Two optional columns feed matching (see matching-cells.ts): free periods and
 * subjects. A file with an admission number and only those columns is a
 * second file for students already imported: it changes nothing else.
 */

type Column = 'admissionNumber' | 'firstName' | 'surname' | 'year' | 'tutorGroup' | 'freePeriods' | 'subjects';

const HEADER_ALIASES: Record<Column, string[]> = {
  admissionNumber: ['admission number', 'admission no', 'adno', 'adm no', 'admission_number'],
  firstName: ['first name', 'forename', 'legal forename', 'preferred forename', 'first_name', 'given name'],
  surname: ['surname', 'legal surname', 'last name', 'family name', 'last_name'],
  year: ['year', 'year group', 'nc year', 'ncyear', 'yr'],
  tutorGroup: ['tutor group', 'reg group', 'reg', 'form', 'registration group', 'tutor_group'],
  freePeriods: ['free periods', 'free', 'availability', 'available periods', 'free slots', 'free_periods'],
  subjects: ['subjects', 'subject', 'subject needs', 'needs', 'strengths', 'subject strengths'],
};
const REQUIRED: Column[] = ['admissionNumber', 'firstName', 'surname', 'year'];

const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

/** Names as people see them: invisible and control characters (common in MIS exports) are dropped. */
const name = freeText({ max: 80 });
const Row = z.object({
  admissionNumber: z.string().trim().regex(/^[A-Za-z0-9-]{1,20}$/, 'must be letters, digits or "-" (at most 20)'),
  firstName: name,
  surname: name,
  year: z
    .string()
    .trim()
    .transform((raw, ctx) => {
      const year = Number(raw.replace(/^(year|yr|y)\s*/i, ''));
      if (raw === '' || !Number.isInteger(year)) {
        ctx.addIssue({ code: 'custom', message: 'is not a year number' });
        return z.NEVER;
      }
      if (year !== 11 && year !== 12 && year !== 13) {
        ctx.addIssue({ code: 'custom', message: 'is not part of the programme (mentors are Year 12–13, mentees Year 11)' });
        return z.NEVER;
      }
      return year;
    }),
  tutorGroup: freeText({ max: 20, required: false }).optional(),
});

/** What a row says for matching; a field is absent when its cell is blank or the file has no such column. */
export interface ProfileRow {
  line: number;
  admissionNumber: string;
  freePeriods?: FreeSlotCell[];
  subjects?: string[];
}

export interface StudentRow extends ProfileRow {
  firstName: string;
  surname: string;
  yearGroup: number;
  role: 'mentor' | 'mentee';
  tutorGroup: string | null;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export type StudentFile = { kind: 'students'; rows: StudentRow[]; problems: RowProblem[] } | { kind: 'profiles'; rows: ProfileRow[]; problems: RowProblem[] };

/** A whole import: new or updated students, or (admission number and matching columns only) free periods and subjects for students on record. */
export function readStudentFile(records: CsvRecord[]): StudentFile {
  const columns = columnsOf(records[0]);
  const profilesOnly =
    columns.has('admissionNumber') && (columns.has('freePeriods') || columns.has('subjects')) && !columns.has('firstName') && !columns.has('surname') && !columns.has('year');
  return profilesOnly ? { kind: 'profiles', ...readProfileRows(records.slice(1), columns) } : { kind: 'students', ...readStudentRows(records) };
}

function columnsOf(header: CsvRecord | undefined): Map<Column, number> {
  const columns = new Map<Column, number>();
  header?.fields.forEach((h, index) => {
    const key = (Object.keys(HEADER_ALIASES) as Column[]).find((c) => HEADER_ALIASES[c].includes(normaliseHeader(h)));
    if (key && !columns.has(key)) columns.set(key, index);
  });
  return columns;
}

const AdmissionNumber = z.object({ admissionNumber: Row.shape.admissionNumber });

function readProfileRows(data: CsvRecord[], columns: Map<Column, number>): { rows: ProfileRow[]; problems: RowProblem[] } {
  const rows: ProfileRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const cell = (c: Column) => (columns.has(c) ? (record.fields[columns.get(c)!] ?? '') : undefined);
    const parsed = AdmissionNumber.safeParse({ admissionNumber: cell('admissionNumber') });
    const cells = matchingCells(cell);
    const reasons = [...(parsed.success ? [] : parsed.error.issues.map((i) => `admission number ${i.message}`)), ...cells.reasons];
    const admissionNumber = parsed.data?.admissionNumber ?? '';
    const earlier = seen.get(admissionNumber.toUpperCase());
    if (reasons.length === 0 && earlier !== undefined) reasons.push(`admission number ${admissionNumber} is also on line ${earlier}`);
    if (reasons.length > 0) {
      problems.push({ line: record.line, reason: reasons.join('; ') });
      continue;
    }
    seen.set(admissionNumber.toUpperCase(), record.line);
    rows.push({ line: record.line, admissionNumber, ...cells.values });
  }
  return { rows, problems };
}

/** The free periods and subjects cells of one row: what they say, and every reason either is wrong. */
function matchingCells(cell: (c: Column) => string | undefined): { values: Pick<ProfileRow, 'freePeriods' | 'subjects'>; reasons: string[] } {
  const values: Pick<ProfileRow, 'freePeriods' | 'subjects'> = {};
  const reasons: string[] = [];
  const take = <T>(column: 'freePeriods' | 'subjects', result: CellResult<T>, set: (v: T) => void) => {
    if ('error' in result) reasons.push(`${labels[column]}: ${result.error}`);
    else if (result.value !== undefined) set(result.value);
  };
  take(
    'freePeriods',
    parseFreePeriodsCell(cell('freePeriods')),
    (v) => (values.freePeriods = v),
  );
  take('subjects', parseSubjectsCell(cell('subjects')), (v) => (values.subjects = v));
  return { values, reasons };
}

export function readStudentRows(records: CsvRecord[]): { rows: StudentRow[]; problems: RowProblem[] } {
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [{ line: 1, reason: 'the file is empty' }] };
  const columns = columnsOf(header);
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return {
      rows: [],
      problems: [{ line: header.line, reason: `the header has no ${missing.map((m) => HEADER_ALIASES[m][0]).join(', ')} column` }],
    };
  }

  const rows: StudentRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const cell = (c: Column) => (columns.has(c) ? (record.fields[columns.get(c)!] ?? '') : undefined);
    const parsed = Row.safeParse({
      admissionNumber: cell('admissionNumber'),
      firstName: cell('firstName'),
      surname: cell('surname'),
      year: cell('year'),
      tutorGroup: cell('tutorGroup'),
    });
    const cells = matchingCells(cell);
    if (!parsed.success || cells.reasons.length > 0) {
      const reasons = parsed.success ? [] : parsed.error.issues.map((i) => `${labels[i.path[0] as Column] ?? 'row'} ${i.message}`);
      problems.push({ line: record.line, reason: [...reasons, ...cells.reasons].join('; ') });
      continue;
    }
    const { admissionNumber, firstName, surname, year, tutorGroup } = parsed.data;
    const earlier = seen.get(admissionNumber.toUpperCase());
    if (earlier !== undefined) {
      problems.push({ line: record.line, reason: `admission number ${admissionNumber} is also on line ${earlier}` });
      continue;
    }
    seen.set(admissionNumber.toUpperCase(), record.line);
    rows.push({
      line: record.line,
      admissionNumber,
      firstName,
      surname,
      yearGroup: year,
      role: year === 11 ? 'mentee' : 'mentor',
      tutorGroup: tutorGroup || null,
      ...cells.values,
    });
  }
  return { rows, problems };
}

const labels: Record<Column, string> = {
  admissionNumber: 'admission number',
  firstName: 'first name',
  surname: 'surname',
  year: 'year',
  tutorGroup: 'tutor group',
  freePeriods: 'free periods',
  subjects: 'subjects',
};
