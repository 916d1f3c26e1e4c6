import { describe, expect, it } from 'vitest';
import { generatePin, generatePins, isGuessablePin } from './pin-rules.js';

/** Returns the given values in turn, as `below` would. */
const sequence = (...values: number[]) => {
  let i = 0;
  return (n: number) => {
    const v = values[i++ % values.length]!;
    expect(v).toBeLessThan(n);
    return v;
  };
};

describe('isGuessablePin', () => {
  it.each(['0000', '1111', '9999', '1234', '0123', '6789', '9876', '3210', '1212', '4545', '1122', '7788', '1990', '2026', '2580', '6969'])(
    'refuses %s',
    (pin) => expect(isGuessablePin(pin)).toBe(true),
  );

  it.each(['4831', '0592', '7306', '3918', '1357', '8024', '2103'])('accepts %s', (pin) => expect(isGuessablePin(pin)).toBe(false));

  it('treats anything but four digits as unusable', () => {
    for (const bad of ['123', '12345', '12a4', '']) expect(isGuessablePin(bad)).toBe(true);
  });

  it('refuses only a small share of all PINs, so generated ones stay hard to guess', () => {
    let refused = 0;
    for (let n = 0; n < 10_000; n++) if (isGuessablePin(String(n).padStart(4, '0'))) refused++;
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(500);
  });
});

describe('generatePin', () => {
  it('pads to four digits', () => expect(generatePin(sequence(592))).toBe('0592'));

  it('draws again past guessable PINs', () => expect(generatePin(sequence(0, 1234, 1111, 4831))).toBe('4831'));

  it('gives up on a source that never gives a usable PIN rather than spinning', () => {
    expect(() => generatePin(sequence(1234))).toThrow(/guessable/);
  });
});

describe('generatePins', () => {
  it('gives each student a different PIN', () => {
    expect(generatePins(3, sequence(4831, 4831, 592, 1234, 7306))).toEqual(['4831', '0592', '7306']);
  });
});
