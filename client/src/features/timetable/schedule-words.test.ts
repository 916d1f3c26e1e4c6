import { describe, expect, it } from 'vitest';
import { PeerbridgeError } from '../../lib/peerbridge-error';
import { schoolTime } from '../../lib/school-time';
import { conflictMessages, describeChange, hasProposedReplacement, isReplacementBooked } from './schedule-words';

describe('conflictMessages', () => {
  it('lists every conflict the server gave', () => {
    const error = new PeerbridgeError('conflict', 'The series clashes.', {
      details: { conflicts: [{ code: 'student_booked', message: 'Amira is already booked.' }, { code: 'devices', message: 'No iPad free.' }] },
    });
    expect(conflictMessages(error)).toEqual(['Amira is already booked.', 'No iPad free.']);
  });

  it("falls back to the error's own message", () => {
    expect(conflictMessages(new PeerbridgeError('conflict', 'Caseload full.'))).toEqual(['Caseload full.']);
  });
});

const london = schoolTime('Europe/London');

describe('describeChange', () => {
  const base = { id: 1, at: '2026-11-23T10:00:00Z', byStaffId: 's', occurrenceId: 'o' };

  it('gives a cancelled session its reason and the proposed replacement in school time', () => {
    const words = describeChange({
      ...base,
      kind: 'occurrence_cancelled',
      detail: {
        reason: 'Riverside High School: INSET day',
        proposedReplacement: { start: '2026-11-25T08:40:00Z', end: '2026-11-25T09:10:00Z' },
      },
    }, london);
    expect(words).toEqual({
      title: 'Session cancelled',
      tone: 'cancelled',
      lines: ['Riverside High School: INSET day', 'Proposed replacement: Wed 25 Nov 2026, 08:40–09:10'],
    });
  });

  it('says when no replacement could be found', () => {
    const words = describeChange({
      ...base,
      kind: 'occurrence_cancelled',
      detail: { reason: 'Snow', proposedReplacement: { none: 'Both students are busy all week.' } },
    }, london);
    expect(words.lines[1]).toBe('No replacement in the same week: Both students are busy all week.');
    expect(describeChange({ ...base, kind: 'occurrence_cancelled', detail: { proposedReplacement: { none: null } } }, london).lines).toEqual([
      'No reason given.',
      'No replacement in the same week.',
    ]);
  });

  it('describes a new series by its weekday, time and number of sessions', () => {
    const words = describeChange({ ...base, kind: 'series_created', detail: { weekday: 2, localStart: '08:40', sessions: 12 } }, london);
    expect(words.lines).toEqual(['Tuesdays at 08:40, 12 sessions']);
  });

  it('says a session is back on when its closure was undone', () => {
    const words = describeChange({ ...base, kind: 'occurrence_restored', detail: { when: 'Tue 1 Dec 2026, 09:00 (Riverside High School time)' } }, london);
    expect(words).toEqual({
      title: 'Session back on',
      tone: 'created',
      lines: ['Tue 1 Dec 2026, 09:00 (Riverside High School time): the closure that cancelled it was undone.'],
    });
  });
});

describe('replacement bookings', () => {
  const cancelled = {
    id: 7,
    at: '2026-11-23T10:00:00Z',
    kind: 'occurrence_cancelled',
    occurrenceId: 'occ-1',
    detail: { reason: 'INSET day', proposedReplacement: { start: '2026-12-03T11:00:00Z', end: '2026-12-03T11:30:00Z' } },
  };
  const booked = {
    id: 8,
    at: '2026-11-23T11:00:00Z',
    kind: 'replacement_booked',
    occurrenceId: 'occ-1',
    detail: { replacementOccurrenceId: 'occ-2', start: '2026-12-03T11:00:00Z', end: '2026-12-03T11:30:00Z' },
  };

  it('describes a booked replacement in school time', () => {
    expect(describeChange(booked, london)).toEqual({
      title: 'Replacement session booked',
      tone: 'created',
      lines: ['For Thu 3 Dec 2026, 11:00–11:30, instead of the cancelled one.'],
    });
  });

  it('offers to book a proposed replacement until it is booked', () => {
    expect(hasProposedReplacement(cancelled)).toBe(true);
    expect(isReplacementBooked(cancelled, [cancelled])).toBe(false);
    expect(isReplacementBooked(cancelled, [booked, cancelled])).toBe(true);
  });

  it('offers nothing without a proposed start', () => {
    const none = { ...cancelled, detail: { reason: 'Snow', proposedReplacement: { none: 'Both schools are closed all week' } } };
    expect(hasProposedReplacement(none)).toBe(false);
    expect(hasProposedReplacement(booked)).toBe(false);
  });
});
