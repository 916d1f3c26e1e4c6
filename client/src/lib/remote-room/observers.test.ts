import { describe, expect, it } from 'vitest';
import { grace, jo } from '../../test-support/observers';
import { listInWords, observerBannerText, withObserver, withoutObserver } from './observers';

describe('observer bookkeeping', () => {
  it('adds, refreshes in place and removes', () => {
    let list = withObserver([], grace);
    list = withObserver(list, jo);
    list = withObserver(list, { ...grace, schoolName: 'Riverside' });
    expect(list.map((o) => o.schoolName)).toEqual(['Riverside', 'Northgate School']);
    expect(withoutObserver(list, grace.observerId)).toEqual([jo]);
    expect(withoutObserver(list, 'nobody')).toHaveLength(2);
  });
});

describe('observerBannerText', () => {
  it('says nothing when nobody watches', () => {
    expect(observerBannerText([])).toBeNull();
  });

  it('names one observer and their school', () => {
    expect(observerBannerText([grace])).toBe('Ms Grace Adeyemi (Riverside High School) is watching this session');
  });

  it('names every observer', () => {
    expect(observerBannerText([grace, jo])).toBe(
      'Ms Grace Adeyemi (Riverside High School) and Mrs Jo Walsh (Northgate School) are watching this session',
    );
  });

  it('leaves out a missing school rather than showing empty brackets', () => {
    expect(observerBannerText([{ ...grace, schoolName: ' ' }])).toBe('Ms Grace Adeyemi is watching this session');
  });

  it('lists three the way people say it', () => {
    expect(listInWords(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
