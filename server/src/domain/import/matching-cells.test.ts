import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { formatFreePeriods, parseFreePeriodsCell, parseSubjectsCell } from './matching-cells.js';
import { readStudentFile } from './student-rows.js';

describe('parseFreePeriodsCell', () => {
  it('reads weeks, day names in several spellings and periods, with ";" or "|" between entries', () => {
    expect(parseFreePeriodsCell(' A:Mon:P1; b:tuesday:P3 | Wed:P2;Thurs: Period 4 ')).toEqual({
      value: [
        { week: 'A', weekday: 1, period: 'P1' },
        { week: 'B', weekday: 2, period: 'P3' },
        { week: 'any', weekday: 3, period: 'P2' },
        { week: 'any', weekday: 4, period: 'Period 4' },
      ],
    });
  });

  it('leaves a blank cell alone and clears on "none"', () => {
    expect(parseFreePeriodsCell('  ')).toEqual({ value: undefined });
    expect(parseFreePeriodsCell(undefined)).toEqual({ value: undefined });
    expect(parseFreePeriodsCell('None')).toEqual({ value: [] });
  });

  it('says which entry is wrong and why', () => {
    expect(parseFreePeriodsCell('A:Mon:P1; Sat:P2')).toEqual({ error: '"Sat:P2": Sat is not a school day (Mon–Fri)' });
    expect(parseFreePeriodsCell('C:Mon:P1')).toEqual({ error: '"C:Mon:P1": the week must be A or B (or left out for both)' });
    expect(parseFreePeriodsCell('Monday P1')).toEqual({ error: '"Monday P1" is not like "A:Mon:P1" or "Wed:P2"' });
    expect(parseFreePeriodsCell('A:Mon:')).toEqual({ error: '"A:Mon:" is not like "A:Mon:P1" or "Wed:P2"' });
  });

  it('writes slots back in the same syntax', () => {
    const cell = 'A:Mon:P1; Wed:P2; B:Fri:P5';
    const parsed = parseFreePeriodsCell(cell);
    expect('value' in parsed && formatFreePeriods(parsed.value!)).toBe(cell);
    expect(formatFreePeriods([])).toBe('none');
  });
});

describe('parseSubjectsCell', () => {
  it('reads subjects and topics in lower case, once each', () => {
    expect(parseSubjectsCell('Maths; English : Poetry; maths; Design  and tech')).toEqual({ value: ['maths', 'english:poetry', 'design and tech'] });
    expect(parseSubjectsCell('')).toEqual({ value: undefined });
    expect(parseSubjectsCell('none')).toEqual({ value: [] });
  });

  it('names the subject that is wrong', () => {
    expect(parseSubjectsCell('maths; 3d art')).toEqual({ error: '"3d art" must look like "maths" or "english:poetry"' });
    expect(parseSubjectsCell(Array.from({ length: 21 }, (_, i) => `s${'x'.repeat(i)}`).join(';'))).toEqual({ error: 'more than 20 subjects' });
  });
});

describe('readStudentFile', () => {
  const read = (lines: string[]) => readStudentFile(parseCsv(lines.join('\n')));

  it('takes free periods and subjects with a full student row, under their aliases', () => {
    const file = read(['Adno,Forename,Surname,Year,Availability,Strengths', 'N1,Ann,Lee,12,A:Mon:P1; Wed:P2,maths', 'N2,Bo,Kim,11,,']);
    expect(file.kind).toBe('students');
    expect(file.problems).toEqual([]);
    expect(file.rows[0]).toMatchObject({ admissionNumber: 'N1', freePeriods: [{ week: 'A', weekday: 1, period: 'P1' }, { week: 'any', weekday: 3, period: 'P2' }], subjects: ['maths'] });
    expect(file.rows[1]).not.toHaveProperty('freePeriods');
    expect(file.rows[1]).not.toHaveProperty('subjects');
  });

  it('reads a second file of admission numbers and matching columns only, reporting each bad cell by line', () => {
    const file = read(['Adno,Free periods,Subjects', 'N1,Tue:P1,english:poetry', 'N2,Sun:P1,maths', 'N3,Mon:P1,4 maths', 'N1,Mon:P2,', ',Mon:P1,']);
    expect(file.kind).toBe('profiles');
    expect(file.rows).toEqual([{ line: 2, admissionNumber: 'N1', freePeriods: [{ week: 'any', weekday: 2, period: 'P1' }], subjects: ['english:poetry'] }]);
    expect(file.problems).toEqual([
      { line: 3, reason: 'free periods: "Sun:P1": Sun is not a school day (Mon–Fri)' },
      { line: 4, reason: 'subjects: "4 maths" must look like "maths" or "english:poetry"' },
      { line: 5, reason: 'admission number N1 is also on line 2' },
      { line: 6, reason: 'admission number must be letters, digits or "-" (at most 20)' },
    ]);
  });

  it('reports a bad matching cell alongside the row’s other problems', () => {
    const file = read(['Adno,Forename,Surname,Year,Free periods', 'N1,,Lee,12,Mon']);
    expect(file.problems).toEqual([{ line: 2, reason: 'first name is empty; free periods: "Mon" is not like "A:Mon:P1" or "Wed:P2"' }]);
  });
});
