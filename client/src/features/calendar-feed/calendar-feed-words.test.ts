import { describe, expect, it } from 'vitest';
import { schoolTime } from '../../lib/school-time';
import { feedStatusWords } from './calendar-feed-words';

describe('feedStatusWords', () => {
  it('says there is no feed', () => {
    expect(feedStatusWords({ feed: null }, schoolTime('Europe/London'))).toMatch(/^No calendar feed/);
  });

  it("says what the feed shows and since when, on the school's clock", () => {
    const words = feedStatusWords({ feed: { scope: 'mine', createdAt: '2026-11-25T10:20:00Z' } }, schoolTime('Pacific/Auckland'));
    expect(words).toContain('the series you booked');
    expect(words).toContain(schoolTime('Pacific/Auckland').dateTime('2026-11-25T10:20:00Z'));
    expect(feedStatusWords({ feed: { scope: 'school', createdAt: '2026-11-25T10:20:00Z' } }, schoolTime('Europe/London'))).toContain("all your school's sessions");
  });
});
