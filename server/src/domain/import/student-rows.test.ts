import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from './csv.js';
import { readStudentRows } from './student-rows.js';

const read = (text: string) => readStudentRows(parseCsv(text));

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, embedded newlines, CRLF and a BOM, keeping each record’s first line', () => {
    const records = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n\r\nlast,1');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"\nthere'] },
      { line: 5, fields: ['last', '1'] },
    ]);
  });

  it('names the line of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n1,"open\n2,3')).toThrow(/line 2/);
  });
});

describe('readStudentRows', () => {
  it('maps a SIMS-style export, deriving the role from the year', () => {
    const { rows, problems } = read('Adno,Legal Forename,Legal Surname,Year,Reg\n001234,Priya,Shah,Year 12,12S\n001235,Sam,Riley,11,11R\n');
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, admissionNumber: '001234', firstName: 'Priya', surname: 'Shah', yearGroup: 12, role: 'mentor', tutorGroup: '12S' },
      { line: 3, admissionNumber: '001235', firstName: 'Sam', surname: 'Riley', yearGroup: 11, role: 'mentee', tutorGroup: '11R' },
    ]);
  });

  it('reports every bad row by line and reason', () => {
    const { rows, problems } = read(
      [
        'Admission Number,First Name,Surname,Year Group,Tutor Group',
        '100,Ann,Lee,12,12A',
        '101,,Ng,11,11B',
        '102,Bo,Kim,9,9C',
        '103,Cy,Ow,eleven,11C',
        '100,Dee,Fox,13,13D',
        'bad number!,Ed,Gil,12,12E',
      ].join('\n'),
    );
    expect(rows.map((r) => r.line)).toEqual([2]);
    expect(problems).toEqual([
      { line: 3, reason: 'first name is empty' },
      { line: 4, reason: 'year is not part of the programme (mentors are Year 12–13, mentees Year 11)' },
      { line: 5, reason: 'year is not a year number' },
      { line: 6, reason: 'admission number 100 is also on line 2' },
      { line: 7, reason: 'admission number must be letters, digits or "-" (at most 20)' },
    ]);
  });

  it('says which required column the header lacks', () => {
    expect(read('Adno,Forename,Year\n1,A,11').problems).toEqual([{ line: 1, reason: 'the header has no surname column' }]);
    expect(read('').problems).toEqual([{ line: 1, reason: 'the file is empty' }]);
  });
});
