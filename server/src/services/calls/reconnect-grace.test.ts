import { beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Temporal } from 'temporal-polyfill';
import { callRecord } from '../../test-support/call-record.js';
import type { NewSessionEvent, SessionEventRepository } from '../../infra/db/session-event-repository.js';
import { FakeMedia } from '../../test-support/fake-media.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { CallService } from './call-service.js';
import { createCalls } from './create-calls.js';
import type { Timers } from './timers.js';

const GRACE_MS = 20_000;
const start = Temporal.Instant.from('2026-11-24T08:45:00Z');
const record = callRecord;
const mentorConn = (id = 'conn-mentor', deviceId = 'ipad-a') => ({ connectionId: id, deviceId, schoolId: 'school-a' });
const menteeConn = { connectionId: 'conn-mentee', deviceId: 'ipad-b', schoolId: 'school-b' };

/** Timers the test moves by hand, with the clock they share. */
class ManualTimers implements Timers {
  nowMs = 0;
  private pending: { at: number; run: () => void; cancelled: boolean }[] = [];
  after(ms: number, run: () => void) {
    const timer = { at: this.nowMs + ms, run, cancelled: false };
    this.pending.push(timer);
    return { cancel: () => void (timer.cancelled = true) };
  }
  async advance(ms: number): Promise<void> {
    this.nowMs += ms;
    for (const timer of this.pending.filter((t) => !t.cancelled && t.at <= this.nowMs)) {
      timer.cancelled = true;
      timer.run();
    }
    // Let the queued work the timers started finish.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('a lost student keeps their place for the grace period', () => {
  let media: FakeMedia;
  let logged: NewSessionEvent[];
  let sent: { to: string; event: string; payload: unknown }[];
  let timers: ManualTimers;
  let calls: CallService;

  beforeEach(() => {
    media = new FakeMedia();
    logged = [];
    sent = [];
    timers = new ManualTimers();
    const sink: RealtimeSink = {
      send: (to, event, payload) => void sent.push({ to, event, payload }),
      toSchoolDsls: () => undefined,
    };
    ({ calls } = createCalls({
      sessions: { findById: async (id: string) => (id === record.id ? record : undefined) },
      events: {
        append: async (e: NewSessionEvent) => void logged.push(e),
        checkpoint: async () => undefined,
      } as unknown as SessionEventRepository,
      media,
      clock: { now: () => start.add({ milliseconds: timers.nowMs }) },
      log: pino({ level: 'silent' }),
      sink,
      iceServers: () => [],
      joinTokens: { verify: async () => undefined },
      notices: { consentMissing: async () => undefined },
      timers,
      graceMs: GRACE_MS,
    }));
  });

  const join = (conn: ReturnType<typeof mentorConn>, studentId: string) => calls.join(conn, { sessionId: record.id, studentId, joinToken: 'signed-in' });
  // Who was in the call: media entries (toggles, the first media arriving) are not presence.
  const presence = () => logged.filter((e) => e.type !== 'MediaToggled' && e.type !== 'MediaFlowing').map((e) => [e.type, e.actor, e.detail?.reason ?? e.detail?.how]);

  it('logs the loss at once, tells the partner, and keeps the transports open', async () => {
    await join(mentorConn(), 'mentor');
    await join(menteeConn, 'mentee');
    await calls.connectionLost('conn-mentor');
    expect(presence().at(-1)).toEqual(['ParticipantReconnecting', 'mentor', undefined]);
    expect(sent).toContainEqual({ to: 'conn-mentee', event: 'peer:reconnecting', payload: { participantId: 'mentor' } });
    expect(sent.some((s) => s.event === 'peer:left')).toBe(false);
    expect(media.rooms.get(record.id)?.peers.get('mentor')?.closed).toBe(false);
    expect(calls.liveSessionCount()).toBe(1);
  });

  it('takes the same connection back (socket recovery) without a rejoin', async () => {
    await join(mentorConn(), 'mentor');
    await join(menteeConn, 'mentee');
    await calls.connectionLost('conn-mentor');
    await timers.advance(GRACE_MS - 1);
    await calls.connectionRecovered('conn-mentor');
    await timers.advance(GRACE_MS);
    expect(presence()).toEqual([
      ['SessionJoined', 'mentor', undefined],
      ['SessionJoined', 'mentee', undefined],
      ['ParticipantReconnecting', 'mentor', undefined],
      ['ParticipantReconnected', 'mentor', 'same_connection'],
    ]);
    expect(sent).toContainEqual({ to: 'conn-mentee', event: 'peer:reconnected', payload: { participantId: 'mentor' } });
    // Still in the call on the old connection: ICE can be restarted on its transports.
    const joined = calls.held();
    expect(joined.connections).toBe(2);
  });

  it('takes a rejoin from the same iPad on a new connection as a reconnection, not a join', async () => {
    const first = await join(mentorConn(), 'mentor');
    await join(menteeConn, 'mentee');
    await calls.produce('conn-mentor', { transportId: first.sendTransport.id, kind: 'audio', rtpParameters: { codecs: [{}] } });
    await calls.connectionLost('conn-mentor');
    await join(mentorConn('conn-mentor-2'), 'mentor');
    await timers.advance(GRACE_MS * 2);
    expect(presence()).toEqual([
      ['SessionJoined', 'mentor', undefined],
      ['SessionJoined', 'mentee', undefined],
      ['ParticipantReconnecting', 'mentor', undefined],
      ['ParticipantReconnected', 'mentor', 'new_connection'],
    ]);
    const toPartner = sent.filter((s) => s.to === 'conn-mentee').map((s) => s.event);
    expect(toPartner).toEqual(expect.arrayContaining(['peer:reconnecting', 'peer:reconnected', 'producer:closed', 'peer:joined']));
    expect(toPartner).not.toContain('peer:left');
    expect(calls.held().connections).toBe(2);
  });

  it('drops them when the grace period runs out: the partner is told they left, the log says dropped', async () => {
    await join(mentorConn(), 'mentor');
    await join(menteeConn, 'mentee');
    await calls.connectionLost('conn-mentor');
    await timers.advance(GRACE_MS - 1);
    expect(sent.some((s) => s.event === 'peer:left')).toBe(false);
    await timers.advance(1);
    expect(presence().at(-1)).toEqual(['ParticipantDropped', 'mentor', 'disconnected']);
    expect(sent).toContainEqual({ to: 'conn-mentee', event: 'peer:left', payload: { participantId: 'mentor' } });
    // Coming back later is a reconnection after a drop.
    await join(mentorConn('conn-mentor-2'), 'mentor');
    expect(presence().at(-1)).toEqual(['SessionReconnected', 'mentor', undefined]);
  });

  it('closes the call when both are lost and neither returns, leaving nothing held', async () => {
    await join(mentorConn(), 'mentor');
    await join(menteeConn, 'mentee');
    await calls.connectionLost('conn-mentor');
    await calls.connectionLost('conn-mentee');
    await timers.advance(GRACE_MS);
    expect(logged.filter((e) => e.type === 'ParticipantDropped').map((e) => e.actor).sort()).toEqual(['mentee', 'mentor']);
    expect(calls.liveSessionCount()).toBe(0);
    expect(media.rooms.get(record.id)?.closed).toBe(true);
  });

  it('does not count a different iPad as coming back: that replaces the lost one', async () => {
    await join(mentorConn(), 'mentor');
    await calls.connectionLost('conn-mentor');
    await join(mentorConn('conn-other', 'ipad-c'), 'mentor');
    expect(presence().slice(-2)).toEqual([
      ['SessionLeft', 'mentor', 'replaced'],
      ['SessionReconnected', 'mentor', undefined],
    ]);
    // The replaced place's grace timer was cancelled with it: nothing is dropped later.
    await timers.advance(GRACE_MS);
    expect(logged.some((e) => e.type === 'ParticipantDropped')).toBe(false);
  });

  it('restarts ICE only on the asking connection\'s own transports', async () => {
    const mentor = await join(mentorConn(), 'mentor');
    const mentee = await join(menteeConn, 'mentee');
    await expect(calls.restartIce('conn-mentor', { transportId: mentor.recvTransport.id })).resolves.toMatchObject({
      iceParameters: expect.objectContaining({ usernameFragment: expect.any(String) }),
    });
    await expect(calls.restartIce('conn-mentor', { transportId: mentee.sendTransport.id })).rejects.toThrow();
    await expect(calls.restartIce('nobody', { transportId: mentor.recvTransport.id })).rejects.toMatchObject({ code: 'not_joined' });
  });
});
