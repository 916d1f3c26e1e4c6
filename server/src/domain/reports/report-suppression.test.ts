import { describe, expect, it } from 'vitest';
import { SUPPRESSION_THRESHOLD, isSmall, suppressDerived, suppressGroup, suppressTotal } from './report-suppression.js';

describe('report suppression', () => {
  it('hides counts from 1 to 4 and shows zero and 5 upwards', () => {
    expect(SUPPRESSION_THRESHOLD).toBe(5);
    expect([0, 1, 4, 5, 12].map((c) => isSmall(c))).toEqual([false, true, true, false, false]);
  });

  it('without a total, hides only the small cells', () => {
    expect(suppressGroup([7, 3, 0, 9], { withTotal: false })).toEqual([null, 'small', null, null]);
  });

  it('with a total, a lone hidden cell takes the smallest other non-zero cell with it', () => {
    // 3 could be worked out as total - 7 - 9 - 12; hiding 7 too leaves 10 shared by two cells.
    expect(suppressGroup([9, 3, 0, 7, 12], { withTotal: true })).toEqual([null, 'small', null, 'secondary', null]);
  });

  it('with a total and two small cells, needs no secondary hiding', () => {
    expect(suppressGroup([9, 3, 2, 12], { withTotal: true })).toEqual([null, 'small', 'small', null]);
  });

  it('with a total and nothing else to hide, leaves the group as it is', () => {
    expect(suppressGroup([0, 3, 0], { withTotal: true })).toEqual([null, 'small', null]);
    expect(suppressGroup([6, 8], { withTotal: true })).toEqual([null, null]);
  });

  it('hides a small total, and a rate or mean resting on fewer than 5 cases', () => {
    expect(suppressTotal(4)).toBe('small');
    expect(suppressTotal(0)).toBeNull();
    expect(suppressDerived(4)).toBe('small');
    expect(suppressDerived(5)).toBeNull();
    expect(suppressDerived(0)).toBeNull();
  });

  it('honours another threshold', () => {
    expect(suppressGroup([9, 9], { withTotal: false, threshold: 10 })).toEqual(['small', 'small']);
  });
});
