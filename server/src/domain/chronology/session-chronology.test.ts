import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { mergeChronology, sessionChronology, type ChronologyLogEntry, type ChronologySession } from './session-chronology.js';

const sam = { id: 'stu-sam', firstName: 'Sam', schoolName: 'Riverside High School', yearGroup: 7 };
const priya = { id: 'stu-priya', firstName: 'Priya', schoolName: 'Northgate Academy', yearGroup: 10 };
const t = (minutes: number) => Temporal.Instant.from('2026-06-01T09:00:00Z').add({ minutes });

function session(id: string, startMinutes: number, extra: Partial<ChronologySession> = {}): ChronologySession {
  return { id, cancelled: false, startsAt: t(startMinutes), endsAt: t(startMinutes + 30), mentor: priya, mentee: sam, ...extra };
}
const entry = (sessionId: string, minutes: number, type: string, actor: string | null, detail: Record<string, unknown> = {}): ChronologyLogEntry => ({
  sessionId,
  at: t(minutes).toString(),
  type,
  actor,
  detail,
});

describe('sessionChronology', () => {
  const withPriya = 'the session with Priya (Year 10, Northgate Academy)';

  it('says a session staff ended before its time ended early, in the log’s words', () => {
    const log = [
      entry('s1', 1, 'SessionJoined', sam.id),
      entry('s1', 10, 'SessionEnded', 'staff-1', { reason: 'ended_by_staff', name: 'Ms Grace Adeyemi', role: 'dsl', endReason: 'safeguarding' }),
    ];
    const [line] = sessionChronology([session('s1', 0)], log, sam.id, t(60));
    expect(line).toMatchObject({ source: 'session', kind: 'ended_early' });
    expect(line!.summary).toMatch(/^Ended early: the session with Priya \(Year 10, Northgate Academy\)\. Ms Grace Adeyemi \(safeguarding lead\) ended the session early for everyone/);
  });

  it('leaves out cancelled sessions and ones not over that the child has not joined', () => {
    const sessions = [session('cancelled', 0, { cancelled: true }), session('later', 120)];
    expect(sessionChronology(sessions, [], sam.id, t(60))).toEqual([]);
  });

  it('calls a session the partner came to and the child did not missed, even when it ended when the partner left', () => {
    const log = [entry('s1', 1, 'SessionJoined', priya.id), entry('s1', 5, 'SessionEnded', null, { reason: 'students_left' })];
    expect(sessionChronology([session('s1', 0)], log, sam.id, t(60))).toEqual([
      { source: 'session', sessionId: 's1', at: t(0).toString(), kind: 'missed', summary: `Missed: Sam did not join ${withPriya}.` },
    ]);
  });

  it('flags chat matching safeguarding words, by either child, and not ordinary chat', () => {
    const log = [
      entry('s1', 1, 'SessionJoined', sam.id),
      entry('s1', 2, 'ChatMessageSent', sam.id, { text: 'hello' }),
      entry('s1', 3, 'ChatMessageSent', priya.id, { text: 'meet me', flaggedKeywords: ['meet me'] }),
    ];
    const lines = sessionChronology([session('s1', 0)], log, sam.id, t(60));
    expect(lines.map((l) => [l.kind, l.summary])).toEqual([
      ['held', `Held: Sam joined ${withPriya}.`],
      ['chat_flagged', 'Priya sent a chat message; it matched safeguarding words: “meet me”.'],
    ]);
    expect(lines[1]).toMatchObject({ quote: 'meet me' });
  });

  it('is empty for a child in none of the sessions', () => {
    expect(sessionChronology([session('s1', 0)], [entry('s1', 1, 'SessionJoined', sam.id)], 'stu-nobody', t(60))).toEqual([]);
  });
});

describe('mergeChronology', () => {
  it('orders by instant, a session before what happened at the same moment', () => {
    const concern = { source: 'concern' as const, concernId: 'c1', seq: 1, at: t(0).toString(), kind: 'raised', byStaffId: null, byStudentId: null, summary: 'c', byName: 'x', actionOrStatus: 'New' };
    const flag = { source: 'flag' as const, sessionId: 's1', at: t(0).toString(), kind: 'chat_blocked', summary: 'f', quote: null };
    const held = { source: 'session' as const, sessionId: 's1', at: '2026-06-01T10:00:00+01:00', kind: 'held', summary: 's' };
    const earlier = { ...concern, concernId: 'c0', at: t(-1).toString() };
    expect(mergeChronology([concern, earlier], [flag, held]).map((e) => e.summary + (e.source === 'concern' ? e.concernId : ''))).toEqual(['cc0', 's', 'f', 'cc1']);
  });
});
