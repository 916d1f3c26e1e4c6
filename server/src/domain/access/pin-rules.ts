/*
 * Which 4-digit PINs a generator must never hand out, and drawing one that
 * passes. Pure: the caller supplies the random source (crypto in the service,
 * a fixed sequence in tests).
 */

/** PINs people pick on purpose, so someone guessing tries them first: keypad lines and well-known ones. */
const WELL_KNOWN = new Set(['2580', '0852', '1470', '0741', '3690', '0963', '1379', '9731', '6969', '1004', '0007', '7000']);

/**
 * True for a PIN a guesser would try early: one digit repeated (0000), a run
 * up or down (1234, 0123, 9876), a repeated pair (1212) or doubled digits
 * (1122), a year from 1900 to 2099 (a birthday, the year it is), or a
 * well-known keypad pattern.
 */
export function isGuessablePin(pin: string): boolean {
  if (!/^\d{4}$/.test(pin)) return true;
  const d = [...pin].map(Number) as [number, number, number, number];
  const steps = [d[1] - d[0], d[2] - d[1], d[3] - d[2]];
  if (steps.every((s) => s === 0)) return true;
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1)) return true;
  if (d[0] === d[2] && d[1] === d[3]) return true;
  if (d[0] === d[1] && d[2] === d[3]) return true;
  if (pin.startsWith('19') || pin.startsWith('20')) return true;
  return WELL_KNOWN.has(pin);
}

/** `below(n)` returns an integer in [0, n), uniformly. */
export type RandomBelow = (n: number) => number;

/** A 4-digit PIN drawn uniformly from those that are not guessable. */
export function generatePin(below: RandomBelow): string {
  // About 1 in 20 draws is refused, so this ends after a couple of tries; the bound only stops a broken source spinning forever.
  for (let attempt = 0; attempt < 1000; attempt++) {
    const pin = String(below(10_000)).padStart(4, '0');
    if (!isGuessablePin(pin)) return pin;
  }
  throw new Error('The random source gave only guessable PINs.');
}

/** PINs for a class at once: each one not guessable, and no two the same (so one child's PIN is no clue to another's). */
export function generatePins(count: number, below: RandomBelow): string[] {
  const pins = new Set<string>();
  while (pins.size < count) pins.add(generatePin(below));
  return [...pins];
}
