import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { RECONNECT_GRACE_MS } from './presence.js';
import { decideRejoin, REJOIN_OFFER_MS, type RejoinGrantState } from './rejoin-grant.js';

const at = (hhmmss: string) => Temporal.Instant.from(`2026-11-25T${hhmmss}Z`);
const ask = { sessionId: 'ses', studentId: 'sam', deviceId: 'ipad-1' };
const grant = (over: Partial<RejoinGrantState> = {}): RejoinGrantState => ({
  ...ask,
  sessionEndsAt: at('10:45:00'),
  droppedAt: at('10:20:00'),
  status: 'live',
  ...over,
});

describe('decideRejoin', () => {
  it('offers the rejoin for three minutes after the drop, which covers the media’s kept place', () => {
    expect(REJOIN_OFFER_MS).toBeGreaterThan(RECONNECT_GRACE_MS);
    expect(decideRejoin(grant(), ask, at('10:20:05'))).toEqual({ allowed: true, until: at('10:23:00') });
    expect(decideRejoin(grant(), ask, at('10:22:59'))).toMatchObject({ allowed: true });
    expect(decideRejoin(grant(), ask, at('10:23:00'))).toEqual({ allowed: false, reason: 'window_over' });
  });

  it('counts the window from now while the server has not yet seen the drop (a reload it has not noticed)', () => {
    expect(decideRejoin(grant({ droppedAt: null }), ask, at('10:30:00'))).toEqual({ allowed: true, until: at('10:33:00') });
  });

  it('never reaches past the end of the session', () => {
    const late = grant({ droppedAt: at('10:44:00') });
    expect(decideRejoin(late, ask, at('10:44:30'))).toEqual({ allowed: true, until: at('10:45:00') });
    expect(decideRejoin(late, ask, at('10:45:00'))).toEqual({ allowed: false, reason: 'session_over' });
  });

  it('is single-use and revocable', () => {
    expect(decideRejoin(grant({ status: 'used' }), ask, at('10:20:05'))).toEqual({ allowed: false, reason: 'used' });
    expect(decideRejoin(grant({ status: 'revoked' }), ask, at('10:20:05'))).toEqual({ allowed: false, reason: 'revoked' });
    expect(decideRejoin(undefined, ask, at('10:20:05'))).toEqual({ allowed: false, reason: 'unknown' });
  });

  it('is bound to its iPad, its session and its student', () => {
    expect(decideRejoin(grant(), { ...ask, deviceId: 'ipad-2' }, at('10:20:05'))).toEqual({ allowed: false, reason: 'other_device' });
    expect(decideRejoin(grant(), { ...ask, studentId: 'ada' }, at('10:20:05'))).toEqual({ allowed: false, reason: 'other_session' });
    expect(decideRejoin(grant(), { ...ask, sessionId: 'other' }, at('10:20:05'))).toEqual({ allowed: false, reason: 'other_session' });
  });
});
