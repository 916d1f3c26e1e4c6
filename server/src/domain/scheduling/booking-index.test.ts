import { describe, expect, it } from 'vitest';
import { BookingIndex } from './booking-index.js';
import { booking, instant } from './test-fixtures.js';

const ms = (hhmm: string) => instant(`2026-01-13T${hhmm}:00Z`).epochMilliseconds;
const at = (schoolId: string, students: string[], from: string, to: string) =>
  booking(schoolId, students, `2026-01-13T${from}:00Z`, `2026-01-13T${to}:00Z`);

describe('BookingIndex', () => {
  const index = BookingIndex.of([
    at('riverside', ['a'], '09:00', '09:30'),
    at('riverside', ['b'], '09:15', '09:45'),
    at('riverside', ['c'], '09:40', '10:00'),
    at('riverside', ['d'], '07:00', '12:00'), // a long booking started well before
    at('hillcrest', ['e', 'f'], '09:00', '09:30'),
  ]);

  it.each([
    ['before anything but the long booking', '08:00', '08:30', 1],
    ['where two overlap besides the long one', '09:10', '09:20', 3],
    ['a window holding bookings that never meet', '09:00', '09:14', 2],
    ['touching an end is not overlapping', '10:00', '10:30', 1],
    ['after everything', '12:00', '13:00', 0],
  ])('counts peak devices in use %s', (_label, from, to, peak) => {
    expect(index.peakDevicesInUse('riverside', ms(from), ms(to))).toBe(peak);
  });

  it('answers whether more devices fit, quickly or by the exact peak', () => {
    expect(index.devicesFree('riverside', ms('09:00'), ms('09:14'), 1, 3)).toBe(true);
    expect(index.devicesFree('riverside', ms('09:10'), ms('09:20'), 1, 3)).toBe(false);
    expect(index.devicesFree('nowhere', ms('09:10'), ms('09:20'), 2, 1)).toBe(false);
  });

  it('finds each student of a shared booking, and nobody else', () => {
    expect(index.studentBookingDuring('f', ms('09:20'), ms('09:50'))?.schoolId).toBe('hillcrest');
    expect(index.studentBookingDuring('f', ms('09:30'), ms('09:50'))).toBeUndefined();
    expect(index.studentBookingDuring('z', ms('00:00'), ms('23:00'))).toBeUndefined();
  });

  it('lists where bookings end inside a window, as (end, label) pairs', () => {
    const into: number[] = [];
    index.endsWithin(['riverside'], ['e'], ms('09:00'), ms('09:45'), into);
    expect(into.filter((_, i) => i % 2 === 0).sort()).toEqual([ms('09:30'), ms('09:30'), ms('09:45')]);
  });

  it('ignores empty or backwards bookings', () => {
    const odd = BookingIndex.of([at('riverside', ['a'], '09:30', '09:00'), at('riverside', ['a'], '09:00', '09:00')]);
    expect(odd.peakDevicesInUse('riverside', ms('08:00'), ms('10:00'))).toBe(0);
  });
});
