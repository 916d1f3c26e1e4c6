import { describe, expect, it } from 'vitest';
import { exitSummary, personWords, questionId, reasonOptions } from './exit-words';

describe('exit words', () => {
  it('groups the reasons planned, then early', () => {
    const [planned, early] = reasonOptions();
    expect(planned!.reasons.map((r) => r.value)).toEqual(['programme_finished', 'targets_met']);
    expect(early!.reasons.map((r) => r.value)).toEqual(['student_choice', 'moved_school', 'safeguarding', 'no_shows', 'other']);
    expect(exitSummary('no_shows')).toBe('Repeated no-shows · early');
  });
  it('names own students in full and the partner’s by first name, year and school', () => {
    expect(personWords({ id: 'a', firstName: 'Sam', lastName: 'Okoro', yearGroup: 12, schoolName: 'Northgate', ownSchool: true })).toBe('Sam Okoro (Year 12)');
    expect(personWords({ id: 'b', firstName: 'Priya', yearGroup: 11, schoolName: 'Riverside', ownSchool: false })).toBe('Priya (Year 11, Riverside)');
  });
  it('makes a question id from its text, unique on the form', () => {
    expect(questionId('Did it help?', [])).toBe('did_it_help');
    expect(questionId('Did it help?', ['did_it_help'])).toBe('did_it_help_2');
    expect(questionId('???', [])).toBe('question');
  });
});
