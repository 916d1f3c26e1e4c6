import { describe, expect, it } from 'vitest';
import { nextTabStop } from './use-focus-trap';

describe('nextTabStop', () => {
  it('goes round the dialog in both directions', () => {
    expect(nextTabStop(3, 0, false)).toBe(1);
    expect(nextTabStop(3, 2, false)).toBe(0);
    expect(nextTabStop(3, 0, true)).toBe(2);
    expect(nextTabStop(3, 1, true)).toBe(0);
  });

  it('brings the focus in from outside: first forwards, last backwards', () => {
    expect(nextTabStop(3, -1, false)).toBe(0);
    expect(nextTabStop(3, -1, true)).toBe(2);
  });

  it('has nowhere to go in a dialog without controls', () => {
    expect(nextTabStop(0, -1, false)).toBe(-1);
  });
});
