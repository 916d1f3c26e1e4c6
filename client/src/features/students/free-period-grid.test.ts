import { describe, expect, it } from 'vitest';
import { cellKey, copyWeekA, gridShape, sameBothWeeks, slotsOf, ticksOf, toggleTick } from './free-period-grid';

const day = [
  { name: 'P1', start: '09:00' },
  { name: 'P2', start: '10:00' },
];
const bell = { 1: [{ name: 'Registration', start: '08:30' }, ...day], 2: day, 3: day, 4: [{ name: 'P3', start: '11:00' }, ...day], 5: day };

describe('gridShape', () => {
  it('lists every period of the week in the order of the day, and knows which day has which', () => {
    const shape = gridShape(bell, 2);
    expect(shape.periods).toEqual(['Registration', 'P1', 'P2', 'P3']);
    expect(shape.has(1, 'Registration')).toBe(true);
    expect(shape.has(2, 'Registration')).toBe(false);
    expect(shape.twoWeeks).toBe(true);
    expect(gridShape(bell, 1).twoWeeks).toBe(false);
  });
});

describe('ticks and slots', () => {
  it('reads stored slots into both weeks and writes them back the same', () => {
    const slots = [
      { week: 'any' as const, weekday: 2, period: 'P1' },
      { week: 'A' as const, weekday: 4, period: 'P3' },
      { week: 'B' as const, weekday: 1, period: 'P2' },
    ];
    const ticks = ticksOf(slots);
    expect(ticks).toEqual(new Set([cellKey('A', 2, 'P1'), cellKey('B', 2, 'P1'), cellKey('A', 4, 'P3'), cellKey('B', 1, 'P2')]));
    expect(slotsOf(ticks, { twoWeeks: true })).toEqual(slots);
    expect(sameBothWeeks(ticks)).toBe(false);
  });

  it('ticks both weeks on the "both weeks" grid, and copies Week A when the weeks are made the same', () => {
    let ticks = toggleTick(new Set(), 'both', 3, 'P2');
    expect(sameBothWeeks(ticks)).toBe(true);
    expect(slotsOf(ticks, { twoWeeks: true })).toEqual([{ week: 'any', weekday: 3, period: 'P2' }]);
    ticks = toggleTick(ticks, 'B', 5, 'P1');
    ticks = toggleTick(ticks, 'A', 1, 'P1');
    expect(slotsOf(copyWeekA(ticks), { twoWeeks: true })).toEqual([
      { week: 'any', weekday: 1, period: 'P1' },
      { week: 'any', weekday: 3, period: 'P2' },
    ]);
    expect(toggleTick(ticks, 'both', 3, 'P2').has(cellKey('B', 3, 'P2'))).toBe(false);
  });

  it('saves every tick as any week at a one-week school', () => {
    expect(slotsOf(new Set([cellKey('A', 1, 'P1')]), { twoWeeks: false })).toEqual([{ week: 'any', weekday: 1, period: 'P1' }]);
  });
});
