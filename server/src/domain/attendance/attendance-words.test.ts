import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { recordNote, repeatedAbsenceMessage } from './attendance-words.js';

describe('repeatedAbsenceMessage', () => {
  it("names the student, the partner's first name and school, and the dates in the school's zone", () => {
    const message = repeatedAbsenceMessage({
      student: { firstName: 'Ed' },
      partner: { firstName: 'Mo', schoolName: 'Northgate Academy' },
      // 23:30 UTC is already the next day in Auckland.
      missed: [Temporal.Instant.from('2026-11-17T23:30:00Z'), Temporal.Instant.from('2026-11-24T23:30:00Z'), Temporal.Instant.from('2026-12-01T23:30:00Z')],
      timeZone: 'Pacific/Auckland',
    });
    expect(message).toBe(
      'Ed has missed 3 mentoring sessions in a row with Mo (Northgate Academy): Wed 18 November, Wed 25 November and Wed 2 December. Please check in with Ed about coming to the next one.',
    );
  });

  it('reads naturally for two dates', () => {
    const message = repeatedAbsenceMessage({
      student: { firstName: 'Ed' },
      partner: { firstName: 'Mo', schoolName: 'N' },
      missed: [Temporal.Instant.from('2026-11-18T10:00:00Z'), Temporal.Instant.from('2026-11-25T10:00:00Z')],
      timeZone: 'Europe/London',
    });
    expect(message).toContain(': Wed 18 November and Wed 25 November.');
  });
});

describe('recordNote', () => {
  const names = { mentor: 'Mo', mentee: 'Ed' };
  it('says who was late, left early, missed it or lost the connection, with the minutes', () => {
    expect(recordNote({ outcome: 'attended', mentor: 'late', mentee: 'left_early', detail: { mentor: { minutesLate: 12 }, mentee: { minutesEarly: 1 } } }, names)).toBe(
      'Mo joined 12 minutes late; Ed left 1 minute early',
    );
    expect(recordNote({ outcome: 'mentee_absent', mentor: 'present', mentee: 'absent', detail: { mentor: {}, mentee: {} } }, names)).toBe('Ed did not come');
    expect(recordNote({ outcome: 'technical_failure', mentor: 'technical_failure', mentee: 'present', detail: { mentor: { failure: 'dropped' }, mentee: {} } }, names)).toBe(
      "Mo's connection dropped and they did not come back",
    );
    expect(recordNote({ outcome: 'technical_failure', mentor: 'present', mentee: 'technical_failure', detail: { mentor: {}, mentee: { failure: 'no_media' } } }, names)).toBe(
      'Ed joined, but their camera and microphone never reached the call',
    );
  });

  it('says why a session was not held, and when all went well', () => {
    expect(recordNote({ outcome: 'not_held', mentor: 'not_expected', mentee: 'not_expected', detail: { notHeld: { because: 'closure', reason: 'Snow day' } } }, names)).toBe(
      'Not held: a school closure (Snow day)',
    );
    expect(recordNote({ outcome: 'not_held', mentor: 'not_expected', mentee: 'not_expected', detail: { notHeld: { because: 'cancelled', reason: '' } } }, names)).toBe('Not held: cancelled');
    expect(recordNote({ outcome: 'attended', mentor: 'present', mentee: 'present', detail: {} }, names)).toBe('Both came on time and stayed to the end');
    expect(recordNote({ outcome: 'attended', mentor: 'present', mentee: 'present', detail: { endedByStaffAt: 'x' } }, names)).toBe('Ended early by a member of staff');
  });
});
