import { describe, expect, it } from 'vitest';
import { checkDraft, draftFrom, type ProgrammeDraft } from './programme-draft';

const valid: ProgrammeDraft = { start: '2026-09-07', end: '2027-07-16', sessionMinutes: '30', goals: ' Reading ', caseloadLimit: '3' };

describe('draftFrom', () => {
  it('starts from the saved programme', () => {
    const draft = draftFrom({ start: '2026-09-07', end: '2027-07-16', sessionMinutes: 40, frequency: 'weekly', goals: 'Maths', caseloadLimit: 2 });
    expect(draft).toEqual({ start: '2026-09-07', end: '2027-07-16', sessionMinutes: '40', goals: 'Maths', caseloadLimit: '2' });
  });

  it("uses the server's defaults when there is no programme yet", () => {
    expect(draftFrom(null)).toEqual({ start: '', end: '', sessionMinutes: '30', goals: '', caseloadLimit: '3' });
  });
});

describe('checkDraft', () => {
  it('turns a valid draft into the request body', () => {
    expect(checkDraft(valid)).toEqual({
      ok: true,
      input: { start: '2026-09-07', end: '2027-07-16', sessionMinutes: 30, goals: 'Reading', caseloadLimit: 3 },
    });
  });

  it.each([
    [{ start: '' }, 'Give the first and the last day of the programme.'],
    [{ end: '2026-09-01' }, 'The programme must end on or after the day it starts.'],
    [{ sessionMinutes: '9' }, 'Sessions last between 10 and 120 minutes.'],
    [{ sessionMinutes: '121' }, 'Sessions last between 10 and 120 minutes.'],
    [{ sessionMinutes: '30.5' }, 'Sessions last between 10 and 120 minutes.'],
    [{ caseloadLimit: '0' }, 'Each mentor can take between 1 and 10 mentees.'],
    [{ caseloadLimit: '11' }, 'Each mentor can take between 1 and 10 mentees.'],
    [{ goals: 'x'.repeat(501) }, 'Keep the goals to 500 characters (now 501).'],
  ])('refuses %o', (change, message) => {
    expect(checkDraft({ ...valid, ...change })).toEqual({ ok: false, message });
  });

  it('accepts the limits themselves', () => {
    expect(checkDraft({ ...valid, sessionMinutes: '120', caseloadLimit: '10', goals: 'x'.repeat(500), end: valid.start }).ok).toBe(true);
  });
});
