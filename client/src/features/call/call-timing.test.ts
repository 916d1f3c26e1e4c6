import { describe, expect, it } from 'vitest';
import { schoolTime } from '../../lib/school-time';
import { callTimes, endingSoonWords, isEndingSoon, nextMeetingWords, waitAdvice, waitUntilMs } from './call-timing';

// Wednesday 25 November 2026, London (GMT): 09:30–10:20.
const times = callTimes({ startsAt: '2026-11-25T09:30:00Z', endsAt: '2026-11-25T10:20:00Z' });
const at = (hhmmss: string) => Date.parse(`2026-11-25T${hhmmss}Z`);
const london = schoolTime('Europe/London');

describe('ending soon', () => {
  it('is the last five minutes, not before and not after the end', () => {
    expect(isEndingSoon(times, at('10:14:59'))).toBe(false);
    expect(isEndingSoon(times, at('10:15:00'))).toBe(true);
    expect(isEndingSoon(times, at('10:19:59'))).toBe(true);
    expect(isEndingSoon(times, at('10:20:00'))).toBe(false);
  });

  it('says "5 minutes left" at the mark, and no stale number to a child who arrives later', () => {
    expect(endingSoonWords(times, at('10:15:01'))).toBe('5 minutes left');
    expect(endingSoonWords(times, at('10:17:30'))).toBe('Nearly time to finish');
  });
});

describe('waiting for a partner', () => {
  it('waits for one who has not come until ten minutes after the start', () => {
    expect(waitUntilMs('not-come', times, at('09:26:00'))).toBe(at('09:40:00'));
    const advice = waitAdvice({ away: 'not-come', partnerName: 'Sam', times, sinceMs: at('09:26:00'), nowMs: at('09:31:00'), time: london });
    expect(advice).toEqual({
      headline: 'Sam isn’t here yet.',
      advice: 'Wait here until 09:40. If Sam hasn’t come by then, tap Leave and tell your coordinator.',
    });
  });

  it('gives a child who came late five minutes, rounded up to a whole minute on the screen', () => {
    expect(waitUntilMs('not-come', times, at('09:50:20'))).toBe(at('09:56:00'));
  });

  it('never asks them to wait past the end of the session', () => {
    expect(waitUntilMs('not-come', times, at('10:18:00'))).toBe(times.endsAtMs);
    expect(waitUntilMs('left', times, at('10:17:00'))).toBe(times.endsAtMs);
  });

  it('after the wait, says what to do instead of a time that has passed', () => {
    const advice = waitAdvice({ away: 'not-come', partnerName: 'Sam', times, sinceMs: at('09:26:00'), nowMs: at('09:40:00'), time: london });
    expect(advice).toEqual({ headline: 'Sam hasn’t come yet.', advice: 'You can tap Leave and tell your coordinator.' });
  });

  it('waits five minutes for a partner who left, then says what to do', () => {
    const during = waitAdvice({ away: 'left', partnerName: 'Priya', times, sinceMs: at('09:42:10'), nowMs: at('09:43:00'), time: london });
    expect(during).toEqual({
      headline: 'Priya has left the call. They may come back.',
      advice: 'Wait here until 09:48. If Priya isn’t back by then, tap Leave and tell your coordinator.',
    });
    const after = waitAdvice({ away: 'left', partnerName: 'Priya', times, sinceMs: at('09:42:10'), nowMs: at('09:48:00'), time: london });
    expect(after.headline).toBe('Priya hasn’t come back.');
  });

  it('shows the time in the school zone, not the device’s', () => {
    const summer = callTimes({ startsAt: '2027-06-09T08:30:00Z', endsAt: '2027-06-09T09:20:00Z' });
    const advice = waitAdvice({
      away: 'not-come',
      partnerName: 'Sam',
      times: summer,
      sinceMs: Date.parse('2027-06-09T08:26:00Z'),
      nowMs: Date.parse('2027-06-09T08:27:00Z'),
      time: london,
    });
    expect(advice.advice).toContain('until 09:40');
  });
});

describe('what happens next', () => {
  const now = at('10:20:00');
  it('names the next meeting, later today or on its day', () => {
    expect(nextMeetingWords({ partnerName: 'Priya', nextStartsAt: '2026-11-25T14:00:00Z', nowMs: now, time: london })).toBe(
      'You meet Priya again later today at 14:00.',
    );
    expect(nextMeetingWords({ partnerName: 'Priya', nextStartsAt: '2026-12-02T09:30:00Z', nowMs: now, time: london })).toBe(
      'You meet Priya again on Wednesday 2 December at 09:30.',
    );
  });

  it('leaves it to the coordinator when no next meeting is known', () => {
    expect(nextMeetingWords({ partnerName: 'Priya', nextStartsAt: undefined, nowMs: now, time: london })).toBe(
      'Your coordinator will tell you when you meet next.',
    );
  });
});
