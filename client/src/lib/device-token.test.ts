import { describe, expect, it } from 'vitest';
import { extractDeviceToken, parseSetupCode } from './device-token';

describe('extractDeviceToken', () => {
  it('takes the token out of the address and keeps everything else', () => {
    expect(extractDeviceToken('https://pb.example/?device=abc123&lang=en#top')).toEqual({
      token: 'abc123',
      cleanedHref: 'https://pb.example/?lang=en#top',
    });
  });

  it('leaves an address without a token alone', () => {
    expect(extractDeviceToken('https://pb.example/')).toEqual({ token: null, cleanedHref: 'https://pb.example/' });
  });

  it('ignores an empty token', () => {
    expect(extractDeviceToken('https://pb.example/?device=').token).toBeNull();
  });
});

describe('parseSetupCode', () => {
  it('accepts a bare code, trimmed', () => {
    expect(parseSetupCode('  pbd_7f3a9c  ')).toBe('pbd_7f3a9c');
  });

  it('accepts a whole setup link', () => {
    expect(parseSetupCode('https://pb.example/?device=pbd_7f3a9c')).toBe('pbd_7f3a9c');
    expect(parseSetupCode('pb.example/?device=pbd_7f3a9c')).toBe('pbd_7f3a9c');
  });

  it('rejects empty input and pasted sentences', () => {
    expect(parseSetupCode('   ')).toBeNull();
    expect(parseSetupCode('the code is pbd_7f3a9c')).toBeNull();
  });
});
