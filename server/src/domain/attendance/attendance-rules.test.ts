import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { absenceRunsReached, closureWindows, computeAttendance, countAttendance, type AttendanceEntry, type AttendanceInput } from './attendance-rules.js';

const START = Temporal.Instant.from('2026-11-25T10:00:00Z');
const at = (minute: number) => START.add({ seconds: Math.round(minute * 60) });
const e = (type: string, actor: string | null, minute: number, detail: Record<string, unknown> = {}): AttendanceEntry => ({ type, actor, at: at(minute), detail });
const came = (actor: string, minute: number) => [e('SessionJoined', actor, minute), e('MediaFlowing', actor, minute + 0.1)];
const timeUp = [e('SessionEnded', null, 30, { reason: 'time_up' }), e('SessionLeft', 'mo', 30, { reason: 'time_up' }), e('SessionLeft', 'ed', 30, { reason: 'time_up' })];

function attendance(entries: AttendanceEntry[], over: Partial<AttendanceInput> = {}) {
  return computeAttendance({
    occurrence: { startsAt: START, endsAt: at(30), status: 'scheduled', cancelReason: null },
    mentorId: 'mo',
    menteeId: 'ed',
    entries,
    closures: [],
    lateAfterMinutes: { mentor: 5, mentee: 5 },
    ...over,
  });
}

describe('computeAttendance', () => {
  it('is attended when both come on time and stay to the end', () => {
    const r = attendance([...came('mo', 0), ...came('ed', 1), ...timeUp]);
    expect(r).toMatchObject({ outcome: 'attended', mentor: 'present', mentee: 'present' });
  });

  it('calls a join more than the threshold after the start late, with the minutes, and exactly at it on time', () => {
    const r = attendance([...came('mo', 5), ...came('ed', 12), ...timeUp]);
    expect(r).toMatchObject({ outcome: 'attended', mentor: 'present', mentee: 'late' });
    expect(r.detail.mentee.minutesLate).toBe(12);
    expect(r.detail.mentor.minutesLate).toBeUndefined();
  });

  it('marks both late when both are, each by their own school threshold', () => {
    const r = attendance([...came('mo', 8), ...came('ed', 8), ...timeUp], { lateAfterMinutes: { mentor: 5, mentee: 10 } });
    expect(r).toMatchObject({ outcome: 'attended', mentor: 'late', mentee: 'present' });
    expect(attendance([...came('mo', 8), ...came('ed', 9), ...timeUp])).toMatchObject({ mentor: 'late', mentee: 'late' });
  });

  it('calls tapping Leave well before the end, with the partner still there, leaving early', () => {
    const r = attendance([...came('mo', 0), ...came('ed', 0), e('SessionLeft', 'ed', 10, { reason: 'left' }), e('SessionEnded', null, 30, { reason: 'time_up' })]);
    expect(r).toMatchObject({ outcome: 'attended', mentor: 'present', mentee: 'left_early' });
    expect(r.detail.mentee.minutesEarly).toBe(20);
  });

  it('does not call leaving an empty call early (the partner gone, or never there)', () => {
    const r = attendance([...came('mo', 0), ...came('ed', 0), e('SessionLeft', 'ed', 10, { reason: 'left' }), e('SessionLeft', 'mo', 11, { reason: 'left' })]);
    expect(r).toMatchObject({ mentor: 'present', mentee: 'left_early' });
    expect(attendance([...came('mo', 0), e('SessionLeft', 'mo', 15, { reason: 'left' })])).toMatchObject({ outcome: 'mentee_absent', mentor: 'present', mentee: 'absent' });
  });

  it('can be late and leave early', () => {
    const r = attendance([...came('mo', 0), ...came('ed', 9), e('SessionLeft', 'ed', 20, { reason: 'left' }), ...timeUp.slice(0, 2)]);
    expect(r.mentee).toBe('late_and_left_early');
  });

  it('counts a drop they came back from as being there', () => {
    const entries = [
      ...came('mo', 0),
      ...came('ed', 0),
      e('ParticipantReconnecting', 'ed', 5),
      e('ParticipantDropped', 'ed', 5.5, { reason: 'disconnected' }),
      e('SessionReconnected', 'ed', 7),
      ...timeUp,
    ];
    expect(attendance(entries)).toMatchObject({ outcome: 'attended', mentor: 'present', mentee: 'present' });
    // Reconnected within the grace period: never out at all.
    expect(attendance([...came('mo', 0), ...came('ed', 0), e('ParticipantReconnecting', 'mo', 5), e('ParticipantReconnected', 'mo', 5.2), ...timeUp]).mentor).toBe('present');
  });

  it('calls a drop they never came back from a technical failure', () => {
    const r = attendance([...came('mo', 0), ...came('ed', 0), e('ParticipantDropped', 'mo', 12, { reason: 'disconnected' }), ...timeUp.slice(0, 1)]);
    expect(r).toMatchObject({ outcome: 'technical_failure', mentor: 'technical_failure', mentee: 'present' });
    expect(r.detail.mentor.failure).toBe('dropped');
    expect(attendance([...came('mo', 0), ...came('ed', 0), e('SessionLeft', 'ed', 12, { reason: 'media_lost' })]).mentee).toBe('technical_failure');
  });

  it('calls joining without media ever reaching the server a technical failure', () => {
    const r = attendance([...came('mo', 0), e('SessionJoined', 'ed', 1), ...timeUp]);
    expect(r).toMatchObject({ outcome: 'technical_failure', mentor: 'present', mentee: 'technical_failure' });
    expect(r.detail.mentee.failure).toBe('no_media');
  });

  it('names the absent side, or both', () => {
    expect(attendance([...came('ed', 0)])).toMatchObject({ outcome: 'mentor_absent', mentor: 'absent', mentee: 'present' });
    expect(attendance([...came('mo', 0)])).toMatchObject({ outcome: 'mentee_absent', mentee: 'absent' });
    expect(attendance([])).toMatchObject({ outcome: 'both_absent', mentor: 'absent', mentee: 'absent' });
    // An absence outweighs the other side's failed connection.
    expect(attendance([e('SessionJoined', 'mo', 0)]).outcome).toBe('mentee_absent');
  });

  it('ignores entries after the end (a join after time-up is no attendance)', () => {
    expect(attendance([...came('mo', 0), ...came('ed', 31)]).mentee).toBe('absent');
  });

  it('is not held, nobody expected, when cancelled, with the reason', () => {
    const r = attendance([], { occurrence: { startsAt: START, endsAt: at(30), status: 'cancelled', cancelReason: 'Mock exams' } });
    expect(r).toEqual({ outcome: 'not_held', mentor: 'not_expected', mentee: 'not_expected', detail: { mentor: {}, mentee: {}, notHeld: { because: 'cancelled', reason: 'Mock exams' } } });
  });

  it('is not held when either school is closed over it, and held when a closure ends before it', () => {
    const closed = closureWindows([{ date: Temporal.PlainDate.from('2026-11-25'), reason: 'Snow day' }], 'Europe/London');
    expect(attendance([...came('mo', 0)], { closures: closed })).toMatchObject({ outcome: 'not_held', detail: { notHeld: { because: 'closure', reason: 'Snow day' } } });
    const morning = closureWindows(
      [{ date: Temporal.PlainDate.from('2026-11-25'), from: Temporal.PlainTime.from('08:00'), to: Temporal.PlainTime.from('10:00'), reason: 'Assembly' }],
      'Europe/London',
    );
    expect(attendance([], { closures: morning }).outcome).toBe('both_absent');
  });

  it('reads a closure in its school zone (a whole day in New York is not the London day)', () => {
    const [ny] = closureWindows([{ date: Temporal.PlainDate.from('2026-11-24'), reason: 'Trip' }], 'America/New_York');
    expect(ny!.to.toString()).toBe('2026-11-25T05:00:00Z');
    expect(attendance([], { closures: [ny!] }).outcome).toBe('both_absent');
  });

  it('ended by staff early: staying until then is staying to the end, and the end is recorded', () => {
    const entries = [
      ...came('mo', 0),
      ...came('ed', 2),
      e('SessionEnded', 'staff', 10, { reason: 'ended_by_staff' }),
      e('SessionLeft', 'mo', 10, { reason: 'ended_by_staff' }),
      e('SessionLeft', 'ed', 10, { reason: 'ended_by_staff' }),
    ];
    const r = attendance(entries);
    expect(r).toMatchObject({ outcome: 'attended', mentor: 'present', mentee: 'present' });
    expect(r.detail.endedByStaffAt).toBe(at(10).toString());
    // Someone who had not come by the time staff ended it was absent, even if the slot ran on.
    expect(attendance([...came('mo', 0), e('SessionEnded', 'staff', 4, { reason: 'ended_by_staff' }), ...came('ed', 6)]).mentee).toBe('absent');
  });
});

describe('absenceRunsReached', () => {
  const h = (...sides: string[]) => sides.map((side, i) => ({ occurrenceId: `o${i}`, side: side as never }));
  const reached = (history: ReturnType<typeof h>, after: number) => absenceRunsReached(history, after).map((r) => r.reachedAt);

  it('names the occurrence a run of absences reached the threshold at, once per run', () => {
    expect(reached(h('absent', 'absent', 'absent'), 2)).toEqual(['o1']);
    expect(absenceRunsReached(h('present', 'absent', 'not_expected', 'absent'), 2)).toEqual([{ reachedAt: 'o3', missed: ['o1', 'o3'] }]);
    expect(reached(h('absent', 'present', 'absent', 'absent', 'late', 'absent', 'absent'), 2)).toEqual(['o3', 'o6']);
  });

  it('lets sessions not held neither count nor break a run', () => {
    expect(reached(h('absent', 'not_expected', 'absent'), 2)).toEqual(['o2']);
    expect(reached(h('not_expected', 'not_expected'), 1)).toEqual([]);
  });

  it('breaks a run on any attendance, a failed connection included, and never fires when off', () => {
    expect(reached(h('absent', 'technical_failure', 'absent'), 2)).toEqual([]);
    expect(reached(h('absent', 'absent'), 0)).toEqual([]);
    expect(reached(h('absent'), 1)).toEqual(['o0']);
  });
});

describe('countAttendance', () => {
  it('counts expected sessions apart from those not held, late and early leaving within attended', () => {
    expect(countAttendance(['present', 'late', 'late_and_left_early', 'left_early', 'absent', 'technical_failure', 'not_expected'])).toEqual({
      expected: 6,
      attended: 4,
      absent: 1,
      late: 2,
      leftEarly: 2,
      technicalFailure: 1,
      notHeld: 1,
    });
  });
});
