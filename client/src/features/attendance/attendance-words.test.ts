import { describe, expect, it } from 'vitest';
import { countsLine, outcomeTone, partnerLabel, personName } from './attendance-words';

const counts = { expected: 4, attended: 2, absent: 2, late: 1, leftEarly: 0, technicalFailure: 0, notHeld: 1 };

describe('attendance words', () => {
  it('sums up counts, naming only what happened', () => {
    expect(countsLine(counts)).toBe('Came to 2 of 4 sessions · 2 absences · 1 late');
    expect(countsLine({ ...counts, expected: 1, attended: 0, absent: 1, late: 0, technicalFailure: 1 })).toBe('Came to 0 of 1 session · 1 absence · 1 connection failure');
    expect(countsLine({ ...counts, expected: 0, attended: 0, absent: 0, late: 0, notHeld: 0 })).toBe('No sessions yet');
    expect(countsLine({ ...counts, expected: 0, attended: 0, absent: 0, late: 0, notHeld: 2 })).toBe('No sessions held yet (2 not held)');
  });

  it('names the own school in full and the partner by first name, year and school', () => {
    expect(personName({ id: 'x', firstName: 'Aisha', lastName: 'Khan', yearGroup: 11, schoolName: 'Riverside', ownSchool: true })).toBe('Aisha Khan');
    const partner = { id: 'y', firstName: 'Tom', yearGroup: 13, schoolName: 'Northgate Academy', ownSchool: false };
    expect(personName(partner)).toBe('Tom');
    expect(partnerLabel(partner)).toBe('Tom (Year 13, Northgate Academy)');
  });

  it('marks what needs a look', () => {
    expect(outcomeTone('attended')).toBe('ok');
    expect(outcomeTone('mentee_absent')).toBe('todo');
    expect(outcomeTone('technical_failure')).toBe('todo');
    expect(outcomeTone('not_held')).toBe('off');
  });
});
