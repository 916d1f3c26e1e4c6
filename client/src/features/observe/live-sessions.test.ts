import { describe, expect, it } from 'vitest';
import type { StaffSessionSummary } from '../safeguarding/session-log-api';
import { describeLiveCounts, joinLiveSessions, unknownSessionIds } from './live-sessions';

function session(id: string, startsAt: string): StaffSessionSummary {
  const student = { id: '11111111-1111-4111-8111-111111111111', firstName: 'Sam', yearGroup: 12, schoolName: 'Northgate' };
  return { id, startsAt, endsAt: startsAt, status: 'open', mentor: student, mentee: student, eventCount: 0, flagged: false };
}

describe('joinLiveSessions', () => {
  it('adds names and times, earliest first, unknown ones last', () => {
    const rows = joinLiveSessions(
      [
        { sessionId: 'unknown', students: 1, observers: 0 },
        { sessionId: 'later', students: 2, observers: 1 },
        { sessionId: 'earlier', students: 1, observers: 0 },
      ],
      [session('later', '2026-01-01T09:00:00Z'), session('earlier', '2026-01-01T08:00:00Z')],
    );
    expect(rows.map((r) => [r.sessionId, r.session?.id ?? null])).toEqual([
      ['earlier', 'earlier'],
      ['later', 'later'],
      ['unknown', null],
    ]);
  });

  it('knows when the sessions list is missing a live session', () => {
    expect(unknownSessionIds([{ sessionId: 'a', students: 1, observers: 0 }], [session('b', '2026-01-01T09:00:00Z')])).toEqual(['a']);
  });
});

describe('describeLiveCounts', () => {
  it('says who is there in words', () => {
    expect(describeLiveCounts({ students: 2, observers: 0 })).toBe('Both students are in the call · nobody watching');
    expect(describeLiveCounts({ students: 1, observers: 1 })).toBe('One student is in the call · 1 member of staff watching');
    expect(describeLiveCounts({ students: 2, observers: 2 })).toMatch(/2 members of staff/);
  });
});
