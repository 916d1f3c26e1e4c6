import { describe, expect, it } from 'vitest';
import { frequencyPhrase, nextStep, programmeSentence, reasonsWords } from './referral-words';

const base = { kind: 'mentee' as const, status: 'new' as const, optIn: null, consent: null, consentRequest: null, trained: null };
const record = { recordedAt: '2026-11-01T09:00:00Z', recordedBy: 'Mr Owen Price', method: 'form' as const };

describe('referral words', () => {
  it("says the coordinator's next step from what is on record", () => {
    expect(nextStep(base)).toBe("Next: record the student's agreement, then ask the parents for consent.");
    expect(nextStep({ ...base, status: 'waiting_for_consent', optIn: { at: '2026-11-01T09:00:00Z', askedBy: null, recordedBy: null }, consentRequest: { at: '2026-11-01T09:00:00Z', by: null } })).toBe(
      "Next: record the parents' consent when it comes.",
    );
    expect(nextStep({ ...base, kind: 'mentor' })).toBe("Next: record the student's agreement, then record their training.");
    expect(nextStep({ ...base, status: 'ready_to_pair', consent: record })).toBe('Ready to be paired with a mentor.');
    expect(nextStep({ ...base, status: 'withdrawn' })).toBeNull();
  });

  it('names reasons, or says there are none', () => {
    expect(reasonsWords(['Attainment', 'Exam stress'])).toBe('Attainment, Exam stress');
    expect(reasonsWords([])).toBe('No reasons given');
  });

  it("writes the programme's dates and rhythm for parents, and says so when there is no programme yet", () => {
    expect(frequencyPhrase('weekly')).toBe('once a week');
    expect(frequencyPhrase('twice_weekly')).toBe('twice weekly');
    const date = (d: string) => `[${d}]`;
    const letter = { partnerSchoolName: 'Northgate Academy', programme: { startDate: '2027-01-04', endDate: '2027-03-26', sessionMinutes: 30, frequency: 'weekly', goals: '' } };
    expect(programmeSentence(letter, date)).toBe('The programme runs from [2027-01-04] to [2027-03-26], with a 30-minute video session once a week, during the school day, with Northgate Academy.');
    expect(programmeSentence({ partnerSchoolName: null, programme: null }, date)).toContain('have not been timetabled yet');
  });
});
