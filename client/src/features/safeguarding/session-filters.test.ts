import { describe, expect, it } from 'vitest';
import { describeStudent, filterSessions, hiddenCancelled, matchesStudentName, rangeProblem } from './session-filters';
import type { StaffSessionSummary } from './session-log-api';

const SAM_ID = '11111111-1111-4111-8111-111111111111';
const PRIYA_ID = '22222222-2222-4222-8222-222222222222';

const session = (id: string, startsAt: string, menteeFirst = 'Priya', menteeLast: string | undefined = 'Shah'): StaffSessionSummary => ({
  id,
  startsAt,
  endsAt: startsAt,
  status: 'ended',
  mentor: { id: SAM_ID, firstName: 'Sam', yearGroup: 12, schoolName: 'Oakfield Academy' },
  mentee: { id: PRIYA_ID, firstName: menteeFirst, ...(menteeLast ? { lastName: menteeLast } : {}), yearGroup: 11, schoolName: 'Northgate' },
  eventCount: 3,
  flagged: false,
});

describe('matchesStudentName', () => {
  it('finds either student by any part of their name, ignoring case and accents', () => {
    expect(matchesStudentName(session('1', '2026-11-23T08:40:00Z'), 'sam')).toBe(true);
    expect(matchesStudentName(session('1', '2026-11-23T08:40:00Z'), 'PRIYA sh')).toBe(true);
    expect(matchesStudentName(session('1', '2026-11-23T08:40:00Z', 'Chloé', 'Brown'), 'chloe')).toBe(true);
  });

  it("does not mix words from the two students' names", () => {
    expect(matchesStudentName(session('1', '2026-11-23T08:40:00Z'), 'sam shah')).toBe(false);
  });

  it('lets everything through an empty filter', () => {
    expect(matchesStudentName(session('1', '2026-11-23T08:40:00Z'), '   ')).toBe(true);
  });
});

describe('filterSessions', () => {
  it('lists the newest first', () => {
    const list = filterSessions([session('old', '2026-11-20T08:40:00Z'), session('new', '2026-11-23T08:40:00Z')], '');
    expect(list.map((s) => s.id)).toEqual(['new', 'old']);
  });
});

describe('rangeProblem', () => {
  it('accepts a range in order and refuses one back to front', () => {
    expect(rangeProblem({ from: '2026-11-16', to: '2026-11-30' })).toBeNull();
    expect(rangeProblem({ from: '2026-11-30', to: '2026-11-16' })).toMatch(/after/);
    expect(rangeProblem({ from: '', to: '2026-11-16' })).toMatch(/both dates/);
  });
});

describe('describeStudent', () => {
  it('shows a partner school student by first name, year and school only', () => {
    expect(describeStudent({ id: SAM_ID, firstName: 'Sam', yearGroup: 12, schoolName: 'Oakfield Academy' })).toBe(
      'Sam (Year 12, Oakfield Academy)',
    );
  });
});

describe('flagged filter', () => {
  it('keeps only sessions with a concern or a flagged chat when asked', () => {
    const quiet = { ...session('quiet', '2026-11-23T08:40:00Z'), flagged: false };
    const flagged = { ...session('flagged', '2026-11-24T08:40:00Z'), flagged: true };
    expect(filterSessions([quiet, flagged], '', { flaggedOnly: true }).map((s) => s.id)).toEqual(['flagged']);
    expect(filterSessions([quiet, flagged], '', { flaggedOnly: false })).toHaveLength(2);
  });
});

describe('cancelled sessions', () => {
  it('are hidden unless asked for, and counted so the list can say so', () => {
    const held = { ...session('held', '2026-11-23T08:40:00Z'), status: 'ended' as const };
    const cancelled = { ...session('cancelled', '2026-11-24T08:40:00Z'), status: 'cancelled' as const };
    expect(filterSessions([held, cancelled], '').map((s) => s.id)).toEqual(['held']);
    expect(filterSessions([held, cancelled], '', { showCancelled: true }).map((s) => s.id)).toEqual(['cancelled', 'held']);
    expect(hiddenCancelled([held, cancelled], '', {})).toBe(1);
    expect(hiddenCancelled([held, cancelled], '', { showCancelled: true })).toBe(0);
    expect(hiddenCancelled([held, cancelled], 'nobody', {})).toBe(0);
  });
});
