import { describe, expect, it } from 'vitest';
import { consentWithdrawnNotice } from './consent-withdrawn-notice.js';

const base = { schoolId: 's', studentId: 'c', name: 'Sam R', by: 'Mr Owen Price' };

describe('consentWithdrawnNotice', () => {
  it('says who recorded it, how, and how many booked sessions it blocks', () => {
    expect(consentWithdrawnNotice({ ...base, method: 'letter', upcoming: 3 })).toEqual({
      schoolId: 's',
      studentId: 'c',
      occurrenceId: null,
      kind: 'consent_withdrawn',
      message:
        'Parental consent for Sam R was withdrawn (by letter), recorded by Mr Owen Price. They cannot join their 3 booked sessions until consent is recorded again; the sessions stay booked, so end or move them if consent is not coming back.',
    });
  });

  it('reads right for one session, none, and no method given', () => {
    expect(consentWithdrawnNotice({ ...base, method: undefined, upcoming: 1 }).message).toMatch(/withdrawn, recorded by .*their 1 booked session until/);
    expect(consentWithdrawnNotice({ ...base, method: 'email', upcoming: 0 }).message).toMatch(/\(by email\).*No sessions are booked for them\.$/);
  });
});
