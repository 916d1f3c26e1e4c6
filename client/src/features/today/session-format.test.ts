import { describe, expect, it } from 'vitest';
import { schoolTime } from '../../lib/school-time';
import { canOpenSession, partnerLine, sortByStart, statusLabel } from './session-format';

const LONDON = schoolTime('Europe/London');

describe('session words on the iPad', () => {
  it('labels each status in plain words', () => {
    const joinOpensAt = '2026-11-23T08:35:00Z';
    expect(statusLabel({ status: 'open', joinOpensAt }, LONDON)).toBe('Open now');
    expect(statusLabel({ status: 'upcoming', joinOpensAt }, LONDON)).toBe('Come back at 08:35');
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
    expect(canOpenSession('upcoming')).toBe(false);
    expect(canOpenSession('ended')).toBe(false);
    expect(canOpenSession('cancelled')).toBe(false);
  });

  it('sorts by start time without mutating the input', () => {
    const input = [{ startsAt: '2026-11-23T10:00:00Z' }, { startsAt: '2026-11-23T08:00:00Z' }];
    expect(sortByStart(input).map((s) => s.startsAt)).toEqual(['2026-11-23T08:00:00Z', '2026-11-23T10:00:00Z']);
    expect(input[0]?.startsAt).toBe('2026-11-23T10:00:00Z');
  });
});
