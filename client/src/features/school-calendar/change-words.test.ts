import { describe, expect, it } from 'vitest';
import { cancelledSummary, cancelSummary, closureCancelledWords, replacementWords, shortDate, undoSummary } from './change-words';
import type { CancelledSession } from './school-calendar-api';

const session = (date: string, mentor: string, mentee: string, proposal: string | null = null): CancelledSession => ({
  occurrenceId: '00000000-0000-4000-8000-000000000001',
  date,
  when: `${date}, 10:20`,
  mentor: { firstName: mentor, school: 'Northgate' },
  mentee: { firstName: mentee, school: 'Riverside' },
  reason: 'Riverside: INSET day',
  proposal,
  changeId: null,
});

describe('change words', () => {
  it('names each cancelled session by its own date and pair, in date order', () => {
    expect(shortDate('2027-03-09')).toBe('Tue 9 Mar');
    const cancelled = [session('2027-03-16', 'Cara', 'Dev'), session('2027-03-09', 'Amy', 'Ben'), session('2027-03-10', 'Eve', 'Finn')];
    expect(cancelSummary(cancelled)).toBe('This cancels 3 sessions: Tue 9 Mar, Amy and Ben; Wed 10 Mar, Eve and Finn; Tue 16 Mar, Cara and Dev.');
    expect(cancelSummary(cancelled, 1)).toBe('This cancels 3 sessions: Tue 9 Mar, Amy and Ben; and 2 more.');
    expect(cancelledSummary([cancelled[0]!])).toBe('1 session was cancelled: Tue 16 Mar, Cara and Dev.');
    expect(cancelSummary([])).toBe('This cancels no booked sessions.');
    expect(closureCancelledWords([])).toBe('It cancelled no sessions.');
    expect(closureCancelledWords(cancelled.slice(1))).toBe('It cancelled 2 sessions: Tue 9 Mar, Amy and Ben; Wed 10 Mar, Eve and Finn.');
  });

  it('counts the proposed replacements', () => {
    expect(replacementWords([])).toBeNull();
    expect(replacementWords([session('2027-03-09', 'Amy', 'Ben')])).toBe('No replacement time fits in the same week for any of them.');
    expect(replacementWords([session('2027-03-09', 'Amy', 'Ben', 'Wed 10 Mar 10:20')])).toBe('1 replacement is proposed under Timetable, Changes to sessions.');
  });

  it('says what undoing a closure brings back and what stays cancelled, and why', () => {
    const back = session('2027-03-09', 'Amy', 'Ben');
    const taken = { ...session('2027-03-09', 'Cara', 'Dev'), notRestoredBecause: 'a replacement was booked' };
    expect(undoSummary({ restored: [back], stillCancelled: [taken] }, false)).toBe(
      'This books again 1 session: Tue 9 Mar, Amy and Ben. Tue 9 Mar, Cara and Dev will stay cancelled: a replacement was booked.',
    );
    expect(undoSummary({ restored: [back], stillCancelled: [] }, true)).toBe('Booked again 1 session: Tue 9 Mar, Amy and Ben.');
    expect(undoSummary({ restored: [], stillCancelled: [] }, false)).toBe('This closure cancelled no sessions; removing it changes none.');
  });
});
