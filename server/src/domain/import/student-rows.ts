import { z } from 'zod';
import { freeText } from '@peerbridge/shared';
import type { CsvRecord } from './csv.js';

/*
 * Students as school MIS systems export them (SIMS, Arbor, Bromcom and the
 * like name the columns differently): admission number, first name, surname,
 * year and tutor group. Year decides the role: Years 12–13 mentor, Year 11 is
 * mentored. Every bad row is reported with its line and reason.
 */

type Column = 'admissionNumber' | 'firstName' | 'surname' | 'year' | 'tutorGroup';

const HEADER_ALIASES: Record<Column, string[]> = {
  admissionNumber: ['admission number', 'admission no', 'adno', 'adm no', 'admission_number'],
  firstName: ['first name', 'forename', 'legal forename', 'preferred forename', 'first_name', 'given name'],
  surname: ['surname', 'legal surname', 'last name', 'family name', 'last_name'],
  year: ['year', 'year group', 'nc year', 'ncyear', 'yr'],
  tutorGroup: ['tutor group', 'reg group', 'reg', 'form', 'registration group', 'tutor_group'],
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

export interface StudentRow {
  line: number;
  admissionNumber: string;
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

export function readStudentRows(records: CsvRecord[]): { rows: StudentRow[]; problems: RowProblem[] } {
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [{ line: 1, reason: 'the file is empty' }] };
  const columns = new Map<Column, number>();
  header.fields.forEach((h, index) => {
    const key = (Object.keys(HEADER_ALIASES) as Column[]).find((c) => HEADER_ALIASES[c].includes(normaliseHeader(h)));
    if (key && !columns.has(key)) columns.set(key, index);
  });
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
    if (!parsed.success) {
      const reason = parsed.error.issues.map((i) => `${labels[i.path[0] as Column] ?? 'row'} ${i.message}`).join('; ');
      problems.push({ line: record.line, reason });
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
};
