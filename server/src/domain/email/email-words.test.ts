import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { alertEmail, escalationEmail, setupCodeEmail } from './email-words.js';

const at = Temporal.Instant.from('2026-11-25T10:20:00Z');

describe('email words', () => {
  it('says what an alert is, when at the school, and where to open it', () => {
    const email = alertEmail({ alertKind: 'chat_flagged', at, timeZone: 'Europe/London', link: 'https://p.example/staff/concerns' });
    expect(email.subject).toBe('Peerbridge: a safeguarding alert needs your attention');
    expect(email.text).toContain('A chat message in a session matched your safeguarding word list at 10:20 on');
    expect(email.text).toContain('https://p.example/staff/concerns');
  });

  it('still makes a sensible email of an alert kind added later', () => {
    expect(alertEmail({ alertKind: 'something_new', at, timeZone: 'UTC', link: 'https://p.example' }).text).toMatch(/^A safeguarding alert has been raised at 10:20/);
  });

  it('gives times in the school zone across the clock change', () => {
    const summer = Temporal.Instant.from('2026-06-10T09:00:00Z');
    expect(escalationEmail({ raisedAt: summer, timeZone: 'Europe/London', minutes: 30, link: 'https://p.example' }).text).toContain('10:00 on');
  });

  it("puts the person's own code and link in their set-up email", () => {
    const email = setupCodeEmail({ fullName: 'Nina Newcomer', code: 'ABCD-EFGH-JKLM', expiresAt: at, link: 'https://p.example/staff' });
    expect(email.text).toContain('ABCD-EFGH-JKLM');
    expect(email.text).toContain('Hello Nina Newcomer');
    expect(email.text).toContain('https://p.example/staff');
  });
});
