import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import type { NewSessionEvent } from '../../infra/db/session-event-repository.js';
import { SessionTimeline } from './session-timeline.js';

const now = Temporal.Instant.from('2026-11-24T08:45:00Z');
const student = { id: 'stu-1', deviceId: 'ipad-1' };

function timeline() {
  const appended: NewSessionEvent[] = [];
  const checkpoints: [string, string][] = [];
  const t = new SessionTimeline({
    events: {
      append: async (e) => {
        appended.push(e);
        return undefined as never;
      },
      checkpoint: async (sessionId, reason) => {
        checkpoints.push([sessionId, reason]);
        return undefined;
      },
    },
    clock: { now: () => now },
  });
  return { t, appended, checkpoints };
}

describe('SessionTimeline', () => {
  it('writes joins, reconnections and leavings with who, which device and why', async () => {
    const { t, appended } = timeline();
    await t.studentJoined('s1', student, 'joined');
    await t.studentJoined('s1', student, 'reconnected');
    await t.studentLeft('s1', student, 'disconnected');
    await t.observerLeft('s1', { id: 'staff-1', deviceId: null }, 'left');
    expect(appended).toEqual([
      { occurrenceId: 's1', type: 'SessionJoined', actor: 'stu-1', deviceId: 'ipad-1', at: now },
      { occurrenceId: 's1', type: 'SessionReconnected', actor: 'stu-1', deviceId: 'ipad-1', at: now },
      { occurrenceId: 's1', type: 'SessionLeft', actor: 'stu-1', deviceId: 'ipad-1', at: now, detail: { reason: 'disconnected' } },
      { occurrenceId: 's1', type: 'ObserverLeft', actor: 'staff-1', deviceId: null, at: now, detail: { reason: 'left' } },
    ]);
  });

  it('names an observer as the students were shown them', async () => {
    const { t, appended } = timeline();
    await t.observerJoined('s1', { observerId: 'staff-1', name: 'Ms Dsl', schoolName: 'Northgate', role: 'dsl' });
    expect(appended[0]).toEqual({
      occurrenceId: 's1',
      type: 'ObserverJoined',
      actor: 'staff-1',
      at: now,
      detail: { name: 'Ms Dsl', schoolName: 'Northgate', role: 'dsl' },
    });
  });

  it('keeps chat at the instant it was shown, and flagged words only when there are some', async () => {
    const { t, appended } = timeline();
    const at = now.add({ seconds: 3 });
    await t.chatMessageSent('s1', student, { text: 'hi', at, flaggedKeywords: [] });
    await t.chatMessageSent('s1', student, { text: 'sad', at, flaggedKeywords: ['sad'] });
    await t.chatMessageBlocked('s1', student, { text: '07700 900123', at, contactKinds: ['phone'], flaggedKeywords: [] });
    expect(appended.map((e) => [e.type, e.at, e.detail])).toEqual([
      ['ChatMessageSent', at, { text: 'hi' }],
      ['ChatMessageSent', at, { text: 'sad', flaggedKeywords: ['sad'] }],
      ['ChatMessageBlocked', at, { text: '07700 900123', contactKinds: ['phone'] }],
    ]);
  });

  it('records media, concerns and the end, and seals the head when the call closes', async () => {
    const { t, appended, checkpoints } = timeline();
    await t.mediaToggled('s1', student, { kind: 'audio', on: false });
    await t.mediaFlowing('s1', student, 'video');
    await t.concernRaised('s1', student, { concernId: 'c1' });
    await t.concernRaised('s1', student, { concernId: 'c2', wordsNotKept: 'too_long' });
    await t.sessionEnded('s1', 'time_up');
    await t.callClosed('s1');
    expect(appended.map((e) => [e.type, e.actor ?? null, e.detail])).toEqual([
      ['MediaToggled', 'stu-1', { kind: 'audio', on: false }],
      ['MediaFlowing', 'stu-1', { kind: 'video' }],
      ['ConcernRaised', 'stu-1', { concernId: 'c1' }],
      ['ConcernRaised', 'stu-1', { concernId: 'c2', wordsNotKept: 'too_long' }],
      ['SessionEnded', null, { reason: 'time_up' }],
    ]);
    expect(checkpoints).toEqual([['s1', 'call_closed']]);
  });
});
