import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { Concern, ConcernChange, RaiseConcernInput } from './concern.js';
import { amendConcern, raiseConcern } from './concern-workflow.js';
import { CSV_COLUMNS, ConcernExportError, concernToJson, concernsToCsv, type ConcernNames } from './concern-export.js';

const mentor = { studentId: 'stu-mentor', schoolId: 'school-a', firstName: 'Priya', lastName: 'Shah' };
const mentee = { studentId: 'stu-mentee', schoolId: 'school-b', firstName: 'Jayden', lastName: 'Okafor' };
const input: RaiseConcernInput = {
  id: 'c1',
  sessionId: 'sess-1',
  source: { kind: 'student', studentId: mentee.studentId },
  children: [mentor, mentee],
  whatHappened: null,
  presentAtTime: ['Priya (school-a)', 'Jayden (school-b)'],
  logExcerpt: [{ at: '2026-11-24T08:41:00Z', type: 'SessionJoined', summary: 'Jayden joined' }],
};

/** Applies changes a minute apart, after the concern's last entry. */
function amend(concern: Concern, ...changes: ConcernChange[]): Concern {
  return changes.reduce((c, change) => {
    const now = Temporal.Instant.from(c.amendments.at(-1)!.at).add({ minutes: 1 }).toString();
    const result = amendConcern(c, change, { kind: 'staff', staffId: 'dsl-b' }, now);
    if (!result.ok) throw new Error(result.reason);
    return result.concern;
  }, concern);
}

/** A strict RFC 4180 reader, so the tests do not trust the writer's own idea of quoting. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else {
          field += text[i++];
        }
      }
      if (i < text.length && text[i] !== ',' && text[i] !== '\r') throw new Error(`junk after quoted field at ${i}`);
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else if (ch === '\n' || ch === '"') {
      throw new Error(`unquoted ${JSON.stringify(ch)} at ${i}`);
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) throw new Error('last record does not end in CRLF');
  return rows;
}

function recordsOf(csv: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

describe('concernToJson', () => {
  const closed = amend(
    raiseConcern(input, '2026-11-24T08:52:00Z'),
    { kind: 'status', to: 'in_progress' },
    { kind: 'close', summary: 'Worried about home', actionsTaken: 'Spoke to Jayden', outcome: 'Early help' },
  );

  it('carries the current status, the closing, and every key even when empty', () => {
    const json = concernToJson(closed, 'school-b');
    expect(json).toMatchObject({
      format: 'peerbridge.concern',
      version: 1,
      exportedForSchoolId: 'school-b',
      id: 'c1',
      status: 'closed',
      whatHappened: null,
      closing: { summary: 'Worried about home', actionsTaken: 'Spoke to Jayden', outcome: 'Early help' },
    });
    expect(json.amendments[0]).toEqual({
      seq: 1,
      at: '2026-11-24T08:52:00Z',
      byStaffId: null,
      byStudentId: 'stu-mentee',
      byName: 'Jayden (partner school)',
      kind: 'raised',
      fromStatus: null,
      toStatus: 'new',
      text: null,
      reason: null,
      closing: null,
    });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it("shows a last name only for the receiving school's own child", () => {
    expect(concernToJson(closed, 'school-b').children).toEqual([
      { studentId: 'stu-mentor', schoolId: 'school-a', firstName: 'Priya', lastName: null, schoolName: null, yearGroup: null },
      { studentId: 'stu-mentee', schoolId: 'school-b', firstName: 'Jayden', lastName: 'Okafor', schoolName: null, yearGroup: null },
    ]);
    expect(concernToJson(closed, 'school-a').children.map((c) => c.lastName)).toEqual(['Shah', null]);
  });

  it('names the schools, years and authors when it is given their names', () => {
    const json = concernToJson(closed, 'school-b', {
      schoolName: (id) => (id === 'school-a' ? 'Riverside High School' : 'Northgate Academy'),
      yearGroup: (id) => (id === 'stu-mentor' ? 12 : 11),
      staffName: () => 'Mr Ravi Patel',
    });
    expect(json.children.map((c) => [c.schoolName, c.yearGroup])).toEqual([['Riverside High School', 12], ['Northgate Academy', 11]]);
    expect(json.amendments.map((a) => a.byName)).toEqual(['Jayden (Northgate Academy)', 'Mr Ravi Patel', 'Mr Ravi Patel']);
  });

  it('refuses to export to a school that is not involved', () => {
    expect(() => concernToJson(closed, 'school-z')).toThrow(ConcernExportError);
  });

  it('has no closing while open', () => {
    expect(concernToJson(raiseConcern(input, '2026-11-24T08:52:00Z'), 'school-a')).toMatchObject({ status: 'new', closing: null });
  });
});

describe('concernsToCsv', () => {
  const words = 'He said, "you\'re my best friend"\nand "don\'t tell, ok?"\r\nthen laughed';
  const concern = amend(
    raiseConcern({ ...input, whatHappened: words }, '2026-11-24T08:52:00Z'),
    { kind: 'status', to: 'in_progress' },
    { kind: 'action', text: 'Phoned home' },
    { kind: 'decision', text: 'Refer, to early help', reason: 'Family "open" to support' },
    { kind: 'close', summary: 'Summary', actionsTaken: 'Met mum, and Jayden', outcome: 'Early help' },
  );
  const names: ConcernNames = {
    schoolName: (id) => ({ 'school-a': 'Riverside High School', 'school-b': 'Northgate Academy' })[id],
    staffName: (id) => (id === 'dsl-b' ? 'Mr Ravi Patel' : undefined),
    yearGroup: (id) => ({ 'stu-mentor': 12, 'stu-mentee': 11 })[id],
    timeZone: 'Europe/London',
  };
  const csv = concernsToCsv([concern], 'school-b', names);

  it('starts with the header and ends every record, the last too, with CRLF', () => {
    expect(csv.startsWith('Date,Time,Child,School,Year,What happened,Recorded by,Action taken / Status,Reference\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(concernsToCsv([], 'school-b')).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes one row per entry in plain words, with names, the school’s own time and the status each entry left', () => {
    const records = recordsOf(csv);
    expect(records.map((r) => [r.Date, r.Time, r['Recorded by'], r['Action taken / Status']])).toEqual([
      ['24/11/2026', '08:52', 'Jayden (Northgate Academy)', 'New'],
      ['24/11/2026', '08:53', 'Mr Ravi Patel', 'In progress'],
      ['24/11/2026', '08:54', 'Mr Ravi Patel', 'Phoned home'],
      ['24/11/2026', '08:55', 'Mr Ravi Patel', 'In progress'],
      ['24/11/2026', '08:56', 'Mr Ravi Patel', 'Actions taken: Met mum, and Jayden. Outcome: Early help'],
    ]);
    expect(records[0]).toMatchObject({ Child: 'Priya; Jayden Okafor', School: 'Riverside High School; Northgate Academy', Year: 'Year 12; Year 11' });
    expect(records[0]!['What happened']).toBe(`Jayden (Northgate Academy) pressed “I’m worried” during a session: ${words}`);
    expect(records[1]!['What happened']).toBe('Status changed from New to In progress');
    expect(records[4]!['What happened']).toBe('Closed. Summary: Summary');
    expect(records[2]!.Reference).toBe('Peerbridge concern c1 entry 3');
  });

  it('shows the time in the school’s zone, summer time included', () => {
    const summer = raiseConcern(input, '2026-06-10T08:52:00Z');
    expect(recordsOf(concernsToCsv([summer], 'school-b', names))[0]).toMatchObject({ Date: '10/06/2026', Time: '09:52' });
  });

  it('gives the partner school’s child by first name, school and year only', () => {
    expect(csv).not.toContain('Shah');
    expect(recordsOf(concernsToCsv([concern], 'school-a', names))[0]).toMatchObject({ Child: 'Priya Shah; Jayden' });
  });

  it('puts no id anywhere but the reference column, even when a name cannot be found', () => {
    const bare = recordsOf(concernsToCsv([concern], 'school-b'));
    for (const r of bare) {
      const { Reference: _ref, ...rest } = r;
      expect(Object.values(rest).join(' ')).not.toMatch(/stu-|dsl-b|school-|\bc1\b/);
    }
    expect(bare[1]!['Recorded by']).toBe('a member of staff');
  });

  it("round-trips a child's words with commas, quotes and newlines exactly", () => {
    const records = recordsOf(csv);
    expect(records[0]!['What happened']).toContain(words);
    expect(records[3]!['What happened']).toBe('Decision: Refer, to early help. Reason: Family "open" to support');
    expect(csv).toContain(',"Decision: Refer, to early help. Reason: Family ""open"" to support",');
  });

  it.each(['=HYPERLINK("http://x","hi")', '+44 7700 900123', '-1+1', '@SUM(A1)', '\tleading tab', '\rleading CR'])(
    'guards against formula injection: %j',
    (text) => {
      // Built as stored data: amendConcern trims, which would hide a leading tab or CR.
      const { seq, at } = concern.amendments.at(-1)!;
      const action = { seq: seq + 1, at, byStaffId: 'dsl-b', byStudentId: null, kind: 'action', text } as const;
      const stored: Concern = { ...concern, amendments: [...concern.amendments, action] };
      expect(recordsOf(concernsToCsv([stored], 'school-b', names)).at(-1)?.['Action taken / Status']).toBe(`'${text}`);
    },
  );

  it('guards every column, not only the text', () => {
    const stored: Concern = { ...concern, children: [{ ...mentor, firstName: '=cmd' }] };
    expect(recordsOf(concernsToCsv([stored], 'school-b', names))[0]?.Child).toBe("'=cmd");
  });

  it('leaves ordinary words alone', () => {
    const noted = amend(concern, { kind: 'note', text: "Jayden's ok now - thanks" });
    expect(recordsOf(concernsToCsv([noted], 'school-b', names)).at(-1)?.['What happened']).toBe("Note: Jayden's ok now - thanks");
  });
});
