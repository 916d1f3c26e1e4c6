import { describe, expect, it } from 'vitest';
import type { ReportTable } from '@peerbridge/shared';
import { csvField, csvFileName, tableCsv } from './report-csv';

const cell = (text: string, value: number | null = null, suppressed = false) => ({ text, value, suppressed });

describe('report CSV', () => {
  it('writes the heading and each row as shown, suppressed cells included as "<5"', () => {
    const table: ReportTable = {
      id: 'exits_by_reason',
      title: 'Exits by reason',
      columns: ['Reason', 'Exits'],
      chartCell: 0,
      rows: [
        { label: "Student's choice", cells: [cell('<5', null, true)] },
        { label: 'Programme finished', cells: [cell('7', 7)] },
      ],
    };
    expect(tableCsv(table)).toBe("Reason,Exits\r\nStudent's choice,<5\r\nProgramme finished,7\r\n");
  });

  it('quotes commas and quotes, and defuses spreadsheet formulas', () => {
    expect(csvField('Amira (Northgate, Y12)')).toBe('"Amira (Northgate, Y12)"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-3')).toBe('-3');
    expect(csvField('–')).toBe('–');
  });

  it('names the file after the scope, term and table', () => {
    expect(csvFileName('Riverside High School', 'Autumn 1', 'sessions')).toBe('report-riverside-high-school-autumn-1-sessions.csv');
    expect(csvFileName('Northgate', null, 'targets')).toBe('report-northgate-all-time-targets.csv');
  });
});
