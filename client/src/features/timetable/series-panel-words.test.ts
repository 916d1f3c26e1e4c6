import { describe, expect, it } from 'vitest';
import { endSeriesProblems, moveProblems, reasonProblems, sessionStateWords } from './series-panel-words';

describe('sessionStateWords', () => {
  it('reads a booked session as booked and a cancelled one with its reason', () => {
    expect(sessionStateWords({ status: 'scheduled', cancelReason: null })).toEqual({ tag: 'Booked', detail: null });
    expect(sessionStateWords({ status: 'cancelled', cancelReason: 'Museum trip' })).toEqual({ tag: 'Cancelled', detail: 'Museum trip' });
    expect(sessionStateWords({ status: 'cancelled', cancelReason: '  ' })).toEqual({ tag: 'Cancelled', detail: null });
  });
});

describe('form checks', () => {
  it('asks for a reason, naming the field', () => {
    expect(reasonProblems(' ')).toEqual({ reason: 'Say why: both schools’ coordinators are told.' });
    expect(reasonProblems('x'.repeat(201))).toEqual({ reason: 'At most 200 characters.' });
    expect(reasonProblems('Trip')).toEqual({});
  });

  it('asks a move for both its date and its time', () => {
    expect(moveProblems('', '')).toEqual({ date: 'Pick the new date.', time: 'Pick the new start time.' });
    expect(moveProblems('2027-09-27', '09:50')).toEqual({});
  });

  it('refuses to end a series from a date that has passed', () => {
    expect(endSeriesProblems('2026-11-01', '2026-11-25')).toEqual({ from: 'That date has passed: pick today or a later date.' });
    expect(endSeriesProblems('2026-11-25', '2026-11-25')).toEqual({});
    expect(endSeriesProblems('', '2026-11-25')).toEqual({ from: 'Pick the first date with no session.' });
  });
});
