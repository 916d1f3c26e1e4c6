import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { escapeText, foldLine, toICalendar } from './icalendar.js';

describe('toICalendar', () => {
  const at = Temporal.Instant.from('2026-11-23T10:00:00Z');
  const feed = toICalendar(
    'Northgate mentoring',
    [
      {
        uid: 's1@peerbridge',
        start: Temporal.Instant.from('2026-11-24T08:40:00Z'),
        end: Temporal.Instant.from('2026-11-24T09:10:00Z'),
        summary: 'Mentoring: Priya with Sam, Riverside',
        cancelled: false,
      },
      { uid: 's2@peerbridge', start: at, end: at.add({ minutes: 30 }), summary: 'x', cancelled: true },
    ],
    at,
  );

  it('writes UTC times, CRLF line ends, escaped text and cancellations', () => {
    expect(feed.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(feed).toContain('DTSTART:20261124T084000Z\r\n');
    expect(feed).toContain('SUMMARY:Mentoring: Priya with Sam\\, Riverside\r\n');
    expect(feed).toContain('STATUS:CANCELLED');
    expect(feed.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(feed.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('keeps 08:40 local on both sides of the October clock change as the right UTC instants', () => {
    const summer = Temporal.ZonedDateTime.from('2026-10-20T08:40[Europe/London]').toInstant();
    const winter = Temporal.ZonedDateTime.from('2026-10-27T08:40[Europe/London]').toInstant();
    const both = toICalendar('x', [summer, winter].map((s, i) => ({ uid: `${i}`, start: s, end: s.add({ minutes: 30 }), summary: 's', cancelled: false })), at);
    expect(both).toContain('DTSTART:20261020T074000Z');
    expect(both).toContain('DTSTART:20261027T084000Z');
  });
});

describe('line folding and escaping', () => {
  it('folds at 75 octets without splitting a multi-byte character', () => {
    const folded = foldLine(`SUMMARY:${'é'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`SUMMARY:${'é'.repeat(60)}`);
  });

  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});
