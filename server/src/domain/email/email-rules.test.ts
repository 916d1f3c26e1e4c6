import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { afterFailure, MAX_ATTEMPTS, recipientAddresses } from './email-rules.js';

const now = Temporal.Instant.from('2026-11-25T10:20:00Z');
const waitAfter = (attempts: number) => {
  const next = afterFailure(attempts, now);
  if (next.kind !== 'retry') throw new Error(`gave up after ${attempts}`);
  return next.at.since(now).total('seconds');
};

describe('afterFailure', () => {
  it('doubles the wait from 30 seconds', () => {
    expect([1, 2, 3, 4].map(waitAfter)).toEqual([30, 60, 120, 240]);
  });

  it('never waits more than an hour', () => {
    expect(waitAfter(8)).toBe(3600);
    expect(waitAfter(MAX_ATTEMPTS - 1)).toBe(3600);
  });

  it('gives up at the bound, not before', () => {
    expect(afterFailure(MAX_ATTEMPTS - 1, now).kind).toBe('retry');
    expect(afterFailure(MAX_ATTEMPTS, now)).toEqual({ kind: 'give_up' });
    expect(afterFailure(MAX_ATTEMPTS + 3, now)).toEqual({ kind: 'give_up' });
  });
});

describe('recipientAddresses', () => {
  it('writes to each open account once, however its address was typed', () => {
    expect(
      recipientAddresses([
        { email: 'Dsl@Northgate.example', deactivated: false },
        { email: 'dsl@northgate.example ', deactivated: false },
        { email: 'deputy@northgate.example', deactivated: false },
      ]),
    ).toEqual(['deputy@northgate.example', 'dsl@northgate.example']);
  });

  it('leaves out closed accounts and anything that is not an address', () => {
    expect(
      recipientAddresses([
        { email: 'left@northgate.example', deactivated: true },
        { email: 'not an address', deactivated: false },
        { email: 'ok@northgate.example', deactivated: false },
      ]),
    ).toEqual(['ok@northgate.example']);
  });

  it('is empty when nobody is there', () => {
    expect(recipientAddresses([])).toEqual([]);
  });
});
