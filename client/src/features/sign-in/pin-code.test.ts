import { describe, expect, it } from 'vitest';
import { appendDigit, isCompletePin, removeLastDigit, sanitisePin } from './pin-code';

describe('PIN entry', () => {
  it('keeps digits only, at most four', () => {
    expect(sanitisePin(' 12a3-4567')).toBe('1234');
    expect(sanitisePin('')).toBe('');
  });

  it('ignores keypad taps past the fourth digit', () => {
    expect(appendDigit('123', '4')).toBe('1234');
    expect(appendDigit('1234', '5')).toBe('1234');
  });

  it('deletes one digit at a time, and nothing from an empty PIN', () => {
    expect(removeLastDigit('123')).toBe('12');
    expect(removeLastDigit('')).toBe('');
  });

  it('is complete at exactly four digits', () => {
    expect(isCompletePin('123')).toBe(false);
    expect(isCompletePin('1234')).toBe(true);
  });
});
