import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { Concern, ConcernChange, RaiseConcernInput } from './concern.js';
import { amendConcern, raiseConcern } from './concern-workflow.js';
import { CSV_COLUMNS, ConcernExportError, concernToJson, concernsToCsv } from './concern-export.js';

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
      { studentId: 'stu-mentor', schoolId: 'school-a', firstName: 'Priya', lastName: null },
      { studentId: 'stu-mentee', schoolId: 'school-b', firstName: 'Jayden', lastName: 'Okafor' },
    ]);
    expect(concernToJson(closed, 'school-a').children.map((c) => c.lastName)).toEqual(['Shah', null]);
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
    { kind: 'decision', text: 'Refer, to early help', reason: 'Family "open" to support' },
    { kind: 'close', summary: 'Summary', actionsTaken: 'Met mum, and Jayden', outcome: 'Early help' },
  );
  const csv = concernsToCsv([concern]);

  it('starts with the header and ends every record, the last too, with CRLF', () => {
    expect(csv.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(concernsToCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('writes one row per amendment with the concern columns repeated', () => {
    const records = recordsOf(csv);
    expect(records.map((r) => [r.seq, r.kind, r.status, r.by])).toEqual([
      ['1', 'raised', 'closed', 'student:stu-mentee'],
      ['2', 'status_changed', 'closed', 'staff:dsl-b'],
      ['3', 'decision', 'closed', 'staff:dsl-b'],
      ['4', 'closed', 'closed', 'staff:dsl-b'],
    ]);
    expect(records[0]).toMatchObject({ concern_id: 'c1', raised_at: '2026-11-24T08:52:00Z', children: 'Priya (school-a); Jayden (school-b)' });
    expect(records[1]).toMatchObject({ from_status: 'new', to_status: 'in_progress' });
    expect(records[3]).toMatchObject({ summary: 'Summary', actions_taken: 'Met mum, and Jayden', outcome: 'Early help' });
  });

  it('names the children’s schools, the session’s start and each amendment’s author when it is given their names', () => {
    const named = recordsOf(
      concernsToCsv([concern], {
        schoolName: (id) => ({ 'school-a': 'Riverside High School', 'school-b': 'Northgate Academy' })[id],
        staffName: (id) => (id === 'dsl-b' ? 'Mr Ravi Patel' : undefined),
        sessionStart: () => '2026-11-24T08:40:00Z',
      }),
    );
    expect(named[0]).toMatchObject({ children: 'Priya (Riverside High School); Jayden (Northgate Academy)', session_start: '2026-11-24T08:40:00Z', by_name: 'Jayden (Northgate Academy)' });
    expect(named[1]).toMatchObject({ by_name: 'Mr Ravi Patel' });
  });

  it('never puts a last name in the file', () => {
    expect(csv).not.toContain('Shah');
    expect(csv).not.toContain('Okafor');
  });

  it("round-trips a child's words with commas, quotes and newlines exactly", () => {
    const records = recordsOf(csv);
    expect(records[0]?.text).toBe(words);
    expect(records[2]).toMatchObject({ text: 'Refer, to early help', reason: 'Family "open" to support' });
  });

  it('quotes only fields that need it and doubles inner quotes', () => {
    expect(csv).toContain(',"Refer, to early help","Family ""open"" to support",');
    expect(csv).toContain(',decision,');
  });

  it.each(['=HYPERLINK("http://x","hi")', '+44 7700 900123', '-1+1', '@SUM(A1)', '\tleading tab', '\rleading CR'])(
    'guards against formula injection: %j',
    (text) => {
      // Built as stored data: amendConcern trims, which would hide a leading tab or CR.
      const { seq, at } = concern.amendments.at(-1)!;
      const note = { seq: seq + 1, at, byStaffId: 'dsl-b', byStudentId: null, kind: 'note', text } as const;
      const stored: Concern = { ...concern, amendments: [...concern.amendments, note] };
      expect(recordsOf(concernsToCsv([stored])).at(-1)?.text).toBe(`'${text}`);
    },
  );

  it('guards every column, not only the text', () => {
    const stored: Concern = { ...concern, children: [{ ...mentor, firstName: '=cmd' }] };
    expect(recordsOf(concernsToCsv([stored]))[0]?.children).toBe("'=cmd (school-a)");
  });

  it('leaves ordinary words alone', () => {
    const noted = amend(concern, { kind: 'note', text: "Jayden's ok now - thanks" });
    expect(recordsOf(concernsToCsv([noted])).at(-1)?.text).toBe("Jayden's ok now - thanks");
  });
});
