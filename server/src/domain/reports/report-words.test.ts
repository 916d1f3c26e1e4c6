import { describe, expect, it } from 'vitest';
import { meanText, pairingLabel, percentText, personLabel } from './report-words.js';

const own = { firstName: 'Amira', lastName: 'Khan', schoolId: 'north', schoolName: 'Northgate Academy', yearGroup: 12 };
const partner = { firstName: 'Sam', lastName: 'Taylor', schoolId: 'river', schoolName: 'Riverside High School', yearGroup: 11 };

describe('report words', () => {
  it("names the viewer's own student in full and the partner's by first name, school and year only", () => {
    expect(personLabel(own, 'north')).toBe('Amira Khan (Y12)');
    expect(personLabel(partner, 'north')).toBe('Sam (Riverside High School, Y11)');
    expect(pairingLabel(own, partner, 'river')).toBe('Amira (Northgate Academy, Y12) with Sam Taylor (Y11)');
    expect(pairingLabel(own, partner, 'river')).not.toContain('Khan');
  });

  it('writes rates and means, with a dash when there is nothing to divide by', () => {
    expect(percentText(5, 6)).toBe('83%');
    expect(percentText(0, 0)).toBe('–');
    expect(meanText(17, 5)).toBe('3.4');
    expect(meanText(0, 0)).toBe('–');
  });
});
