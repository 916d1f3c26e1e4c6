import { describe, expect, it } from 'vitest';
import { schoolTime } from '../../lib/school-time';
import { changeContext, describeChange, pairNames, seriesBookedWords } from './schedule-words';

const london = schoolTime('Europe/London');
const tom = { firstName: 'Tom', school: 'Northgate Academy' };
const aisha = { firstName: 'Aisha', school: 'Riverside High School' };

describe('changeContext', () => {
  it('names both children with their schools, the session’s own date in school time, and who made the change', () => {
    expect(changeContext({ kind: 'occurrence_cancelled', mentor: tom, mentee: aisha, sessionStart: '2027-09-14T08:00:00Z', byName: 'Ms Dana Hill' }, london)).toBe(
      'Tom (Northgate Academy) and Aisha (Riverside High School) · session Tue 14 Sept 2027, 09:00 · by Ms Dana Hill',
    );
  });

  it('calls a series’ date its first session, and leaves out what the log does not know', () => {
    expect(changeContext({ kind: 'series_created', mentor: tom, mentee: aisha, sessionStart: '2027-09-14T08:00:00Z', byName: null }, london)).toBe(
      'Tom (Northgate Academy) and Aisha (Riverside High School) · first session Tue 14 Sept 2027, 09:00',
    );
    expect(changeContext({ kind: 'occurrence_cancelled', mentor: null, mentee: null, sessionStart: null, byName: 'Mr Owen Price' }, london)).toBe('by Mr Owen Price');
  });
});

describe('describeChange for the series lifecycle', () => {
  const base = { occurrenceId: null };
  it('says where a moved session went, in school time', () => {
    expect(describeChange({ ...base, kind: 'occurrence_moved', detail: { from: '2027-09-21T08:00:00Z', start: '2027-09-27T08:50:00Z' } }, london)).toEqual({
      title: 'Session moved',
      tone: 'created',
      lines: ['From Tue 21 Sept 2027, 09:00 to Mon 27 Sept 2027, 09:50.'],
    });
  });

  it('says from when a series ended, how many sessions that cancelled and why', () => {
    expect(describeChange({ ...base, kind: 'series_ended', detail: { from: '2027-11-04', cancelled: 1, reason: 'Exams' } }, london).lines).toEqual([
      'From Thu 4 Nov 2027, 1 session cancelled, Exams',
    ]);
  });

  it('gives an unpairing its reason', () => {
    expect(describeChange({ ...base, kind: 'pairing_ended', detail: { reason: 'Moved away', cancelled: 12 } }, london)).toEqual({
      title: 'Unpaired',
      tone: 'cancelled',
      lines: ['Moved away, 12 sessions cancelled'],
    });
  });
});

describe('pairNames', () => {
  it('reads mentor then mentee', () => expect(pairNames(tom, aisha)).toBe('Tom (Northgate Academy) and Aisha (Riverside High School)'));
});

describe('seriesBookedWords', () => {
  it('names the children, the slot, the first session’s date and who booked it', () => {
    expect(
      seriesBookedWords({ mentor: tom, mentee: aisha, byName: 'Ms Dana Hill', label: 'Tuesdays at 09:00 (Riverside High School time, P1)', sessions: 36, firstSession: '2027-09-14T08:00:00Z' }, london),
    ).toBe('Booked by Ms Dana Hill: Tom (Northgate Academy) and Aisha (Riverside High School), Tuesdays at 09:00 (Riverside High School time, P1), 36 sessions, first session Tue 14 Sept 2027.');
  });
});
