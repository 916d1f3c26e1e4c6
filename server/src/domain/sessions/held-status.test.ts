import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { staffSessionStatus } from './held-status.js';

const startsAt = Temporal.Instant.from('2026-12-01T09:00:00Z');
const endsAt = Temporal.Instant.from('2026-12-01T09:30:00Z');
const session = { cancelled: false, startsAt, endsAt };
const after = Temporal.Instant.from('2026-12-01T10:00:00Z');

describe('staffSessionStatus', () => {
  it('reads a past session nobody joined as not held, and one somebody joined as ended', () => {
    expect(staffSessionStatus(session, after, false)).toBe('not_held');
    expect(staffSessionStatus(session, after, true)).toBe('ended');
  });

  it('leaves upcoming, open and cancelled sessions as they are, joined or not', () => {
    expect(staffSessionStatus(session, Temporal.Instant.from('2026-12-01T08:00:00Z'), false)).toBe('upcoming');
    expect(staffSessionStatus(session, Temporal.Instant.from('2026-12-01T09:10:00Z'), false)).toBe('open');
    expect(staffSessionStatus({ ...session, cancelled: true }, after, false)).toBe('cancelled');
  });
});
