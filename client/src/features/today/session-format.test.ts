import { describe, expect, it } from 'vitest';
import {
  canOpenSession,
  formatSchoolDate,
  formatSchoolTime,
  formatTimeRange,
  partnerLine,
  sortByStart,
  statusLabel,
} from './session-format';

const LONDON = 'Europe/London';

describe('session formatting in the school time zone', () => {
  it('formats the date as the school sees it, not the browser', () => {
    // 23:30 UTC on 31 March 2026 is already 1 April in London (BST).
    expect(formatSchoolDate(new Date('2026-03-31T23:30:00Z'), LONDON)).toBe('Wednesday 1 April');
    expect(formatSchoolDate(new Date('2026-11-23T08:00:00Z'), LONDON)).toBe('Monday 23 November');
  });

  it('uses 24-hour school times across the clock change', () => {
    expect(formatSchoolTime('2026-07-01T07:35:00Z', LONDON)).toBe('08:35'); // BST
    expect(formatSchoolTime('2026-11-23T08:35:00Z', LONDON)).toBe('08:35'); // GMT
    expect(formatTimeRange('2026-11-23T08:40:00Z', '2026-11-23T09:10:00Z', LONDON)).toBe('08:40–09:10');
  });

  it('respects a zone other than London', () => {
    expect(formatSchoolTime('2026-11-23T08:35:00Z', 'Europe/Paris')).toBe('09:35');
  });

  it('falls back to London for an unknown zone rather than failing', () => {
    expect(formatSchoolTime('2026-11-23T08:35:00Z', 'Not/AZone')).toBe('08:35');
  });

  it('labels each status in plain words', () => {
    const joinOpensAt = '2026-11-23T08:35:00Z';
    expect(statusLabel({ status: 'open', joinOpensAt }, LONDON)).toBe('Open now');
    expect(statusLabel({ status: 'upcoming', joinOpensAt }, LONDON)).toBe('Opens at 08:35');
    expect(statusLabel({ status: 'ended', joinOpensAt }, LONDON)).toBe('Finished');
    expect(statusLabel({ status: 'cancelled', joinOpensAt }, LONDON)).toBe('Cancelled');
  });

  it('describes the partner with first name, year and school only', () => {
    expect(partnerLine({ firstName: 'Sam', role: 'mentor', yearGroup: 12, schoolName: 'Oakfield Academy' })).toBe(
      'with Sam (Year 12) from Oakfield Academy',
    );
  });

  it('only lets open and upcoming sessions be opened', () => {
    expect(canOpenSession('open')).toBe(true);
    expect(canOpenSession('upcoming')).toBe(true);
    expect(canOpenSession('ended')).toBe(false);
    expect(canOpenSession('cancelled')).toBe(false);
  });

  it('sorts by start time without mutating the input', () => {
    const input = [{ startsAt: '2026-11-23T10:00:00Z' }, { startsAt: '2026-11-23T08:00:00Z' }];
    expect(sortByStart(input).map((s) => s.startsAt)).toEqual(['2026-11-23T08:00:00Z', '2026-11-23T10:00:00Z']);
    expect(input[0]?.startsAt).toBe('2026-11-23T10:00:00Z');
  });
});
