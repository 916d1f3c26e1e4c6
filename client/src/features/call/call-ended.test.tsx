import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CallEnded } from './call-ended';

const context = { partnerName: 'Priya', timeZone: 'Europe/London', nowMs: Date.parse('2026-11-25T10:20:00Z') };
const render = (reason: 'time_up' | 'replaced', nextStartsAt?: string) =>
  renderToStaticMarkup(<CallEnded end={{ reason, message: '' }} context={{ ...context, nextStartsAt }} onBack={() => undefined} />);

describe('CallEnded', () => {
  it('closes a session whose time is up kindly: thanks, the next meeting, and where help is', () => {
    const html = render('time_up', '2026-12-02T09:30:00Z');
    expect(html).toContain('This session has finished');
    expect(html).toContain('Thank you for taking part.');
    expect(html).toContain('You meet Priya again on Wednesday 2 December at 09:30.');
    expect(html).toContain('If anything in the call worried you, tell your coordinator or another adult you trust.');
  });

  it('leaves the next meeting to the coordinator when none is timetabled', () => {
    expect(render('time_up')).toContain('Your coordinator will tell you when you meet next.');
  });

  it('says nothing of a next meeting when the call ended for another reason', () => {
    const html = render('replaced');
    expect(html).toContain('You joined from another iPad');
    expect(html).not.toContain('what-happens-next');
  });
});
