import { describe, expect, it } from 'vitest';
import { classifySetupInput } from './setup-input';

describe('classifySetupInput', () => {
  it('recognises an enrolment code, however it was typed', () => {
    for (const typed of ['K7QMD-2XH9P', ' k7qmd-2xh9p ', 'K7QMD2XH9P', 'K7QMD 2XH9P', 'K7QMD–2XH9P']) {
      expect(classifySetupInput(typed)).toEqual({ kind: 'enrolment-code', code: 'K7QMD2XH9P' });
    }
  });

  it('keeps accepting a device token or the setup link the demo prints', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    expect(classifySetupInput(jwt)).toEqual({ kind: 'device-token', token: jwt });
    expect(classifySetupInput(`https://pb.example/?device=${jwt}`)).toEqual({ kind: 'device-token', token: jwt });
  });

  it('does not mistake a near-miss code for a token it would store', () => {
    expect(classifySetupInput('K7QMD-2XH9')).toEqual({ kind: 'mistyped-code' });
    expect(classifySetupInput('K7QMD-2XH9PP')).toEqual({ kind: 'mistyped-code' });
    expect(classifySetupInput('   ')).toBeNull();
    expect(classifySetupInput('the code is K7QMD-2XH9P')).toBeNull();
  });
});
