import { describe, expect, it } from 'vitest';
import { cookieFrom, STAFF_COOKIE } from './staff-session.js';

describe('cookieFrom', () => {
  it('reads one cookie among others, decoded', () => {
    expect(cookieFrom('a=1; pb_staff=abc%2Ddef; b=2', STAFF_COOKIE)).toBe('abc-def');
  });

  it('is no cookie at all when the header is missing, empty or holds no such name', () => {
    expect(cookieFrom(undefined, STAFF_COOKIE)).toBeUndefined();
    expect(cookieFrom('', STAFF_COOKIE)).toBeUndefined();
    expect(cookieFrom('other=1', STAFF_COOKIE)).toBeUndefined();
    expect(cookieFrom('pb_staff', STAFF_COOKIE)).toBeUndefined();
  });

  it('treats a value that is not valid percent-encoding as no cookie, without throwing', () => {
    expect(cookieFrom('pb_staff=%E0%A4%A', STAFF_COOKIE)).toBeUndefined();
    expect(cookieFrom('pb_staff=%zz; x=%', STAFF_COOKIE)).toBeUndefined();
  });
});
