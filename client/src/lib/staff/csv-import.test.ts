import { describe, expect, it } from 'vitest';
import { PeerbridgeError } from '../peerbridge-error';
import { afterError, afterReport, count, problemsOf, problemWords } from './csv-import';

const file = { name: 'students.csv', text: 'a,b\n' };
const clean = { rows: 5, problems: [], written: false };

describe('problemWords', () => {
  it('names the line', () => {
    expect(problemWords({ line: 14, reason: 'year is not part of the programme' })).toBe('Line 14: year is not part of the programme');
  });

  it('leaves out a missing line', () => {
    expect(problemWords({ line: null, reason: 'The file is empty.' })).toBe('The file is empty.');
  });
});

describe('problemsOf', () => {
  it("lists the problems in a refusal's details", () => {
    const error = new PeerbridgeError('bad_request', 'The file is not valid CSV: unclosed quote.', {
      details: { problems: [{ line: 3, reason: 'unclosed quote' }] },
    });
    expect(problemsOf(error)).toEqual(['Line 3: unclosed quote']);
  });

  it('is empty without them', () => {
    expect(problemsOf(new PeerbridgeError('forbidden', 'No access.'))).toEqual([]);
  });
});

describe('count', () => {
  it('pluralises', () => {
    expect(count(1, 'new student', 'new students')).toBe('1 new student');
    expect(count(0, 'new student', 'new students')).toBe('0 new students');
  });
});

describe('afterReport', () => {
  it('offers the import after a clean dry run', () => {
    expect(afterReport(file, 'check', clean)).toEqual({ step: 'checked', file, report: clean });
  });

  it('is done after a written import', () => {
    const report = { ...clean, written: true };
    expect(afterReport(file, 'import', report)).toEqual({ step: 'imported', file, report });
  });

  it('lists every problem with the server message', () => {
    const report = {
      rows: 20,
      problems: [
        { line: 14, reason: 'year is not part of the programme' },
        { line: 15, reason: 'admission number is missing' },
      ],
      written: false,
      message: '2 row(s) need fixing; nothing was imported.',
    };
    expect(afterReport(file, 'check', report)).toEqual({
      step: 'refused',
      file,
      message: '2 row(s) need fixing; nothing was imported.',
      problems: ['Line 14: year is not part of the programme', 'Line 15: admission number is missing'],
    });
  });

  it('words the refusal itself when the server gave no message', () => {
    const step = afterReport(file, 'import', { rows: 1, problems: [{ line: 2, reason: 'x' }], written: false });
    expect(step).toMatchObject({ step: 'refused', message: '1 row needs fixing; nothing was imported.' });
  });
});

describe('afterError', () => {
  it("keeps the server's message", () => {
    expect(afterError(file, new PeerbridgeError('bad_request', 'Send a CSV file.'))).toEqual({
      step: 'refused',
      file,
      message: 'Send a CSV file.',
      problems: [],
    });
  });
});
