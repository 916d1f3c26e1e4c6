import type { ObserverInfo } from '@peerbridge/shared';
import { describe, expect, it } from 'vitest';
import { listInWords, observerBannerText, withObserver, withoutObserver } from './observers';

const grace: ObserverInfo = {
  observerId: '00000000-0000-4000-8000-00000000000a',
  name: 'Ms Grace Adeyemi',
  schoolName: 'Riverside High School',
  role: 'dsl',
};
const jo: ObserverInfo = {
  observerId: '00000000-0000-4000-8000-00000000000b',
  name: 'Mrs Jo Walsh',
  schoolName: 'Northgate School',
  role: 'supervisor',
};

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
