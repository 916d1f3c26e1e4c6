import { describe, expect, it } from 'vitest';
import { CENSOR, scrubText, scrubValue } from './scrub.js';

/*
 * Text is scanned only when it holds something a secret pattern starts with. Each case below gets past that
 * check by one of its alternatives alone, in any case of letters, so none of them can be dropped or narrowed.
 */
describe('scrubText scans what could hold a secret, and only that', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXBhcnQ';
  it.each([
    [`token ${jwt} seen`, `token ${CENSOR} seen`],
    ['header was BEARER abc123', `header was BEARER ${CENSOR}`],
    ['header was bEaReR abc123', `header was bEaReR ${CENSOR}`],
    ['header was Basic dXNlcjpwdw==', `header was Basic ${CENSOR}`],
    ['cookie pb_staff=s3cr3t; more', `cookie pb_staff=${CENSOR}; more`],
    ['No such endpoint: GET /calendar/aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC1dE.ics', `No such endpoint: GET /calendar/${CENSOR}`],
    ['fetch https://user:pw@example.org/x', `fetch https://${CENSOR}@example.org/x`],
  ])('%s', (text, scrubbed) => {
    expect(scrubText(text)).toBe(scrubbed);
  });

  it('gives back text with none of them as it is', () => {
    for (const text of ["default-src 'self';img-src 'self' data: blob:", 'request completed', 'gzip, deflate, br', 'W/"1a2b-abc"', '']) {
      expect(scrubText(text)).toBe(text);
    }
  });

  it('normalises keys the same however often they recur, past the bound of remembered keys too', () => {
    const record = (i: number) => ({ [`Field_${i}`]: 'x', Authorization: 'Bearer abc', 'Set-Cookie': 'pb_staff=1', Token: 't' });
    for (let i = 0; i < 2_500; i++) {
      expect(scrubValue(record(i))).toEqual({ [`Field_${i}`]: 'x', Authorization: CENSOR, 'Set-Cookie': CENSOR, Token: CENSOR });
    }
  });
});
