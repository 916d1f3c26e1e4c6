import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { deviceStatus, shouldRecordUse } from './device-status.js';

const at = (iso: string) => Temporal.Instant.from(iso);

describe('deviceStatus', () => {
  it('waits for set-up until its code is redeemed, then is enrolled, and removed once revoked', () => {
    expect(deviceStatus({ redeemedAt: null, revokedAt: null })).toBe('waiting');
    expect(deviceStatus({ redeemedAt: at('2026-12-01T09:00:00Z'), revokedAt: null })).toBe('enrolled');
    expect(deviceStatus({ redeemedAt: at('2026-12-01T09:00:00Z'), revokedAt: at('2026-12-02T09:00:00Z') })).toBe('removed');
    expect(deviceStatus({ redeemedAt: null, revokedAt: at('2026-12-02T09:00:00Z') })).toBe('removed');
  });
});

describe('shouldRecordUse', () => {
  it('records the first use, then at most once a minute', () => {
    const last = at('2026-12-01T09:00:00Z');
    expect(shouldRecordUse(null, last)).toBe(true);
    expect(shouldRecordUse(last, at('2026-12-01T09:00:59Z'))).toBe(false);
    expect(shouldRecordUse(last, at('2026-12-01T09:01:00Z'))).toBe(true);
  });
});
