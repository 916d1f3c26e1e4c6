import { z } from 'zod';
import { freeText } from '@peerbridge/shared';
import type { CsvRecord } from './csv.js';
import type { RowProblem } from './student-rows.js';

/*
 * Staff as MIS exports list them: first name, surname, email and a role
 * column. Roles are Peerbridge's (coordinator, dsl, supervisor; several joined
 * with ";"), and "designated safeguarding lead" is understood for dsl. The
 * importer may only grant roles they hold themselves, so an import can never
 * make anyone more powerful than the person running it.
 */

export type ImportableRole = 'coordinator' | 'dsl' | 'supervisor';

export interface StaffRow {
  line: number;
  firstName: string;
  surname: string;
  email: string;
  roles: ImportableRole[];
}

type Column = 'firstName' | 'surname' | 'email' | 'role';
const HEADER_ALIASES: Record<Column, string[]> = {
  firstName: ['first name', 'forename', 'legal forename', 'preferred forename', 'first_name', 'given name'],
  surname: ['surname', 'legal surname', 'last name', 'family name', 'last_name'],
  email: ['email', 'email address', 'work email', 'e-mail'],
  role: ['role', 'roles', 'peerbridge role'],
};
const ROLE_WORDS: Record<string, ImportableRole> = {
  coordinator: 'coordinator',
  'mentoring coordinator': 'coordinator',
  dsl: 'dsl',
  'safeguarding lead': 'dsl',
  'designated safeguarding lead': 'dsl',
  supervisor: 'supervisor',
};
const normalise = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');

/** Names as people see them: invisible and control characters (common in MIS exports) are dropped. */
const name = freeText({ max: 80 });
const Row = z.object({ firstName: name, surname: name, email: z.string().trim().toLowerCase().pipe(z.email('is not an email address')) });

export function readStaffRows(records: CsvRecord[], grantable: readonly ImportableRole[]): { rows: StaffRow[]; problems: RowProblem[] } {
  const [header, ...data] = records;
  if (!header) return { rows: [], problems: [{ line: 1, reason: 'the file is empty' }] };
  const columns = new Map<Column, number>();
  header.fields.forEach((h, index) => {
    const key = (Object.keys(HEADER_ALIASES) as Column[]).find((c) => HEADER_ALIASES[c].includes(normalise(h)));
    if (key && !columns.has(key)) columns.set(key, index);
  });
  const missing = (Object.keys(HEADER_ALIASES) as Column[]).filter((c) => !columns.has(c));
  if (missing.length > 0) {
    return { rows: [], problems: [{ line: header.line, reason: `the header has no ${missing.map((m) => HEADER_ALIASES[m][0]).join(', ')} column` }] };
  }
  const rows: StaffRow[] = [];
  const problems: RowProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of data) {
    const cell = (c: Column) => record.fields[columns.get(c)!] ?? '';
    const parsed = Row.safeParse({ firstName: cell('firstName'), surname: cell('surname'), email: cell('email') });
    const reasons = parsed.success ? [] : parsed.error.issues.map((i) => `${labels[i.path[0] as Column] ?? 'row'} ${i.message}`);
    const words = cell('role').split(';').map(normalise).filter(Boolean);
    const roles = [...new Set(words.map((w) => ROLE_WORDS[w]).filter((r): r is ImportableRole => r !== undefined))];
    const unknown = words.filter((w) => !ROLE_WORDS[w]);
    if (words.length === 0) reasons.push('role is empty (coordinator, dsl or supervisor)');
    if (unknown.length > 0) reasons.push(`role "${unknown.join('", "')}" is not one of coordinator, dsl, supervisor`);
    const ungrantable = roles.filter((r) => !grantable.includes(r));
    if (ungrantable.length > 0) reasons.push(`role ${ungrantable.join(', ')} can only be given by someone who has it`);
    if (parsed.success) {
      const earlier = seen.get(parsed.data.email);
      if (earlier !== undefined) reasons.push(`email ${parsed.data.email} is also on line ${earlier}`);
      else seen.set(parsed.data.email, record.line);
    }
    if (reasons.length > 0 || !parsed.success) {
      problems.push({ line: record.line, reason: reasons.join('; ') });
      continue;
    }
    rows.push({ line: record.line, ...parsed.data, roles });
  }
  return { rows, problems };
}

const labels: Record<Column, string> = { firstName: 'first name', surname: 'surname', email: 'email', role: 'role' };
