import { describe, expect, it } from 'vitest';
import { PeerbridgeError } from '../../lib/peerbridge-error';
import { looksLikeAppCode, stepUpNeeded } from './step-up';

describe('stepUpNeeded', () => {
  it('reads the distinct code and whether an authenticator is set up', () => {
    expect(stepUpNeeded(new PeerbridgeError('step_up_required', 'Enter the code', { details: { enrolled: true } }))).toEqual({ enrolled: true });
    expect(stepUpNeeded(new PeerbridgeError('step_up_required', 'Set one up', { details: { enrolled: false } }))).toEqual({ enrolled: false });
  });

  it('is nothing for any other failure', () => {
    expect(stepUpNeeded(new PeerbridgeError('forbidden', 'No'))).toBeNull();
    expect(stepUpNeeded(null)).toBeNull();
  });
});

describe('looksLikeAppCode', () => {
  it('accepts six digits with spaces, and nothing else', () => {
    expect(looksLikeAppCode('123 456')).toBe(true);
    expect(looksLikeAppCode('12345')).toBe(false);
    expect(looksLikeAppCode('abcd-efgh-ijkm-npqr')).toBe(false);
  });
});
