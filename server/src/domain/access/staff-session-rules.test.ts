import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { isSteppedUp, needsTouch, staffSessionState } from './staff-session-rules.js';

const at = (iso: string) => Temporal.Instant.from(iso);
const idle = Temporal.Duration.from({ minutes: 30 });
const session = {
  expiresAt: at('2026-11-25T22:00:00Z'),
  lastSeenAt: at('2026-11-25T10:00:00Z'),
  revokedAt: null,
  steppedUpUntil: at('2026-11-25T10:15:00Z'),
};

describe('staffSessionState', () => {
  it('is live until the idle time-out has passed since the last use', () => {
    expect(staffSessionState(session, at('2026-11-25T10:29:59Z'), idle)).toBe('live');
    expect(staffSessionState(session, at('2026-11-25T10:30:00Z'), idle)).toBe('idle');
  });

  it('ends at the absolute expiry even when in use, and at once when revoked', () => {
    expect(staffSessionState({ ...session, lastSeenAt: at('2026-11-25T21:59:00Z') }, at('2026-11-25T22:00:00Z'), idle)).toBe('expired');
    expect(staffSessionState({ ...session, revokedAt: at('2026-11-25T10:01:00Z') }, at('2026-11-25T10:02:00Z'), idle)).toBe('revoked');
  });
});

describe('needsTouch and isSteppedUp', () => {
  it('records use at most once a minute', () => {
    expect(needsTouch(session, at('2026-11-25T10:00:59Z'))).toBe(false);
    expect(needsTouch(session, at('2026-11-25T10:01:00Z'))).toBe(true);
  });

  it('a step-up lasts until its end, and a session never stepped up is not', () => {
    expect(isSteppedUp(session, at('2026-11-25T10:14:59Z'))).toBe(true);
    expect(isSteppedUp(session, at('2026-11-25T10:15:00Z'))).toBe(false);
    expect(isSteppedUp({ steppedUpUntil: null }, at('2026-11-25T10:00:00Z'))).toBe(false);
  });
});
