import { beforeEach, describe, expect, it, vi } from 'vitest';
import pino from 'pino';
import { Temporal } from 'temporal-polyfill';
import { callRecord } from '../../test-support/call-record.js';
import type { NewSessionEvent, SessionEventRepository } from '../../infra/db/session-event-repository.js';
import { FakeMedia } from '../../test-support/fake-media.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { CallService } from './call-service.js';
import { createCalls } from './create-calls.js';

const now = Temporal.Instant.from('2026-11-24T08:45:00Z');
const record = callRecord;
const mentorConn = (id = 'conn-mentor') => ({ connectionId: id, deviceId: 'ipad-a', schoolId: 'school-a' });
const menteeConn = { connectionId: 'conn-mentee', deviceId: 'ipad-b', schoolId: 'school-b' };

describe('CallService with a fake media port', () => {
  let media: FakeMedia;
  let logged: NewSessionEvent[];
  let sent: { to: string; event: string; payload: unknown }[];
  let appendFails: boolean;
  /** While set, log writes wait for it (a slow disk), so a test can act in the middle of a join. */
  let appendGate: Promise<void> | null;
  let appendsWaiting: number;
  let calls: CallService;

  beforeEach(() => {
    media = new FakeMedia();
    logged = [];
    sent = [];
    appendFails = false;
    appendGate = null;
    appendsWaiting = 0;
    const sink: RealtimeSink = {
      send: (to, event, payload) => void sent.push({ to, event, payload }),
      toSchoolDsls: (school, event, payload) => void sent.push({ to: `dsl:${school}`, event, payload }),
    };
    ({ calls } = createCalls({
      sessions: { findById: async (id: string) => (id === record.id ? record : undefined) },
      events: {
        append: async (e: NewSessionEvent) => {
          if (appendFails) throw new Error('disk full');
          if (appendGate) {
            appendsWaiting++;
            await appendGate;
          }
          logged.push(e);
        },
        checkpoint: async () => undefined,
      } as unknown as SessionEventRepository,
      media,
      clock: { now: () => now },
      log: pino({ level: 'silent' }),
      sink,
      iceServers: () => [],
      // Join tokens and consent notices have their own tests; here every token is good.
      joinTokens: { verify: async () => undefined },
      notices: { consentMissing: async () => undefined },
    }));
  });

  const join = (conn: ReturnType<typeof mentorConn>, studentId: string) => calls.join(conn, { sessionId: record.id, studentId, joinToken: 'signed-in' });

  it('does not admit a student whose join could not be logged, and leaves no room behind', async () => {
    appendFails = true;
    await expect(join(mentorConn(), 'mentor')).rejects.toThrow('disk full');
    expect(calls.liveSessionCount()).toBe(0);
    expect(media.rooms.get(record.id)?.closed).toBe(true);
  });

  it('replaces the same student on a second device, telling the first and logging why', async () => {
    await join(mentorConn('first'), 'mentor');
    await join(menteeConn, 'mentee');
    await join(mentorConn('second'), 'mentor');
    expect(sent).toContainEqual({ to: 'first', event: 'session:ended', payload: expect.objectContaining({ reason: 'replaced' }) });
    expect(logged.map((e) => [e.type, e.actor, e.detail?.reason])).toEqual([
      ['SessionJoined', 'mentor', undefined],
      ['SessionJoined', 'mentee', undefined],
      ['SessionLeft', 'mentor', 'replaced'],
      ['SessionReconnected', 'mentor', undefined],
    ]);
    // The old connection no longer speaks for the student.
    await expect(calls.setPaused('first', { producerId: 'x', paused: true })).rejects.toMatchObject({ code: 'not_joined' });
  });

  it("announces a producer to the partner, and only the partner's producers can be consumed", async () => {
    const mentor = await join(mentorConn(), 'mentor');
    await join(menteeConn, 'mentee');
    const { producerId } = await calls.produce('conn-mentor', { transportId: mentor.sendTransport.id, kind: 'video', rtpParameters: { codecs: [{}] } });
    expect(sent).toContainEqual({ to: 'conn-mentee', event: 'producer:added', payload: expect.objectContaining({ producerId, participantId: 'mentor' }) });
    await expect(calls.consume('conn-mentor', { producerId, rtpCapabilities: {} })).rejects.toMatchObject({ code: 'not_found' });
    await expect(calls.consume('conn-mentee', { producerId, rtpCapabilities: {} })).resolves.toMatchObject({ participantId: 'mentor' });
  });

  it("tells a newcomer of a partner's producer made while the newcomer's join was still being set up", async () => {
    const mentor = await join(mentorConn(), 'mentor');
    let logWritten!: () => void;
    appendGate = new Promise<void>((resolve) => (logWritten = resolve));
    const joining = join(menteeConn, 'mentee');
    // The mentee's join waits on its log entry, its media offer already made: the mentor's camera starts now
    // (both iPads coming back at once after a restart), and is announced to those in the room, not the mentee yet.
    await vi.waitFor(() => expect(appendsWaiting).toBe(1));
    const { producerId } = await calls.produce('conn-mentor', { transportId: mentor.sendTransport.id, kind: 'video', rtpParameters: { codecs: [{}] } });
    logWritten();
    const mentee = await joining;
    const toldMentee = sent.filter((s) => s.to === 'conn-mentee' && s.event === 'producer:added').map((s) => (s.payload as { producerId: string }).producerId);
    expect([...mentee.producers.map((p) => p.producerId), ...toldMentee]).toEqual([producerId]);
  });

  it("logs once, off the produce answer, that a student's media reached the server", async () => {
    const mentor = await join(mentorConn(), 'mentor');
    await join(menteeConn, 'mentee');
    await calls.produce('conn-mentor', { transportId: mentor.sendTransport.id, kind: 'audio', rtpParameters: { codecs: [{}] } });
    await calls.produce('conn-mentor', { transportId: mentor.sendTransport.id, kind: 'video', rtpParameters: { codecs: [{}] } });
    await vi.waitFor(() => expect(logged.some((e) => e.type === 'MediaFlowing')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logged.filter((e) => e.type === 'MediaFlowing').map((e) => [e.actor, e.detail])).toEqual([['mentor', { kind: 'audio' }]]);
  });

  it('logs a camera turned off and on, before acknowledging it', async () => {
    const mentor = await join(mentorConn(), 'mentor');
    await join(menteeConn, 'mentee');
    const { producerId } = await calls.produce('conn-mentor', { transportId: mentor.sendTransport.id, kind: 'video', rtpParameters: { codecs: [{}] } });
    await calls.setPaused('conn-mentor', { producerId, paused: true });
    await calls.setPaused('conn-mentor', { producerId, paused: false });
    expect(logged.filter((e) => e.type === 'MediaToggled').map((e) => e.detail)).toEqual([
      { kind: 'video', on: false },
      { kind: 'video', on: true },
    ]);
  });

  it('tells the partner and the log when the camera paused because the iPad app went to the background, and a newcomer too', async () => {
    const mentor = await join(mentorConn(), 'mentor');
    await join(menteeConn, 'mentee');
    const { producerId } = await calls.produce('conn-mentor', { transportId: mentor.sendTransport.id, kind: 'video', rtpParameters: { codecs: [{}] } });
    await calls.setPaused('conn-mentor', { producerId, paused: true, reason: 'background' });
    expect(sent).toContainEqual({ to: 'conn-mentee', event: 'producer:paused', payload: { producerId, paused: true, reason: 'background' } });
    expect(logged.filter((e) => e.type === 'MediaToggled').at(-1)?.detail).toEqual({ kind: 'video', on: false, reason: 'background' });
    // The partner's iPad joins again while the camera is paused: it is told why.
    const again = await join({ ...menteeConn, connectionId: 'conn-mentee-2' }, 'mentee');
    expect(again.producers).toEqual([expect.objectContaining({ producerId, paused: true, pausedReason: 'background' })]);
    await calls.setPaused('conn-mentor', { producerId, paused: false, reason: 'background' });
    expect(sent.at(-1)).toEqual({ to: 'conn-mentee-2', event: 'producer:paused', payload: { producerId, paused: false, reason: 'background' } });
  });

  it('ends the session for everyone at its end time', async () => {
    vi.useFakeTimers();
    try {
      await join(mentorConn(), 'mentor');
      await join(menteeConn, 'mentee');
      await vi.advanceTimersByTimeAsync(now.until(record.endsAt).total('milliseconds'));
      expect(sent.filter((s) => s.event === 'session:ended').map((s) => s.to).sort()).toEqual(['conn-mentee', 'conn-mentor']);
      expect(logged.filter((e) => e.type === 'SessionLeft').map((e) => e.detail?.reason)).toEqual(['time_up', 'time_up']);
      expect(logged.at(-1)).toMatchObject({ type: 'SessionEnded', detail: { reason: 'time_up' } });
      expect(calls.liveSessionCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('serialises simultaneous joins so both students land in one room', async () => {
    await Promise.all([join(mentorConn(), 'mentor'), join(menteeConn, 'mentee')]);
    expect(media.rooms.size).toBe(1);
    expect(media.rooms.get(record.id)?.peers.size).toBe(2);
  });

  it('forgets a dropped student once their session is over, so nothing outlives the call', async () => {
    vi.useFakeTimers();
    try {
      await join(mentorConn(), 'mentor');
      await calls.leave('conn-mentor', 'disconnected');
      // Until the end time, coming back would be a reconnection, so the drop is remembered.
      expect(calls.held()).toMatchObject({ liveSessions: 0, connections: 0, recentDrops: 1 });
      await vi.advanceTimersByTimeAsync(now.until(record.endsAt).total('milliseconds'));
      expect(calls.held()).toEqual({ liveSessions: 0, connections: 0, recentDrops: 0, bandwidthWatches: 0, queuedSessions: 0 });
    } finally {
      vi.useRealTimers();
    }
  });

  it('forgets the drops of a session that ends with students in it', async () => {
    vi.useFakeTimers();
    try {
      await join(mentorConn('first'), 'mentor');
      await join(menteeConn, 'mentee');
      await join(mentorConn('second'), 'mentor'); // replaced, then back: a reconnection
      await calls.leave('conn-mentee', 'disconnected');
      expect(calls.held().recentDrops).toBe(1);
      await vi.advanceTimersByTimeAsync(now.until(record.endsAt).total('milliseconds'));
      expect(calls.held()).toEqual({ liveSessions: 0, connections: 0, recentDrops: 0, bandwidthWatches: 0, queuedSessions: 0 });
    } finally {
      vi.useRealTimers();
    }
  });
});
