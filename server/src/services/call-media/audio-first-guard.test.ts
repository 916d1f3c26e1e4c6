import { beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { Temporal } from 'temporal-polyfill';
import { callRecord } from '../../test-support/call-record.js';
import type { NewSessionEvent, SessionEventRepository } from '../../infra/db/session-event-repository.js';
import { FakeMedia, type FakePeer } from '../../test-support/fake-media.js';
import type { CallService } from '../calls/call-service.js';
import { createCalls } from '../calls/create-calls.js';
import type { Timers } from '../calls/timers.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';

const start = Temporal.Instant.from('2026-11-24T08:45:00Z');
const record = callRecord;
const mentorConn = { connectionId: 'conn-mentor', deviceId: 'ipad-a', schoolId: 'school-a' };
const menteeConn = { connectionId: 'conn-mentee', deviceId: 'ipad-b', schoolId: 'school-b' };

/** Timers and a clock that move only when the test says so. */
function manualTime() {
  let nowMs = 0;
  let pending: { at: number; run: () => void; cancelled: boolean }[] = [];
  const timers: Timers = {
    after(ms, run) {
      const timer = { at: nowMs + ms, run, cancelled: false };
      pending.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  };
  const clock = { now: () => start.add({ milliseconds: nowMs }) };
  const advance = (ms: number) => {
    const until = nowMs + ms;
    for (;;) {
      const due = pending.filter((t) => !t.cancelled && t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      nowMs = due.at;
      due.cancelled = true;
      due.run();
    }
    nowMs = until;
    pending = pending.filter((t) => !t.cancelled);
  };
  return { timers, clock, advance };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('audio first in a call (fake media, the real call services)', () => {
  let media: FakeMedia;
  let logged: NewSessionEvent[];
  let sent: { to: string; event: string; payload: unknown }[];
  let calls: CallService;
  let time: ReturnType<typeof manualTime>;

  beforeEach(() => {
    media = new FakeMedia();
    logged = [];
    sent = [];
    time = manualTime();
    const sink: RealtimeSink = {
      send: (to, event, payload) => void sent.push({ to, event, payload }),
      toSchoolDsls: () => undefined,
    };
    ({ calls } = createCalls({
      sessions: { findById: async (id: string) => (id === record.id ? record : undefined) },
      events: { append: async (e: NewSessionEvent) => void logged.push(e), checkpoint: async () => undefined } as unknown as SessionEventRepository,
      media,
      clock: time.clock,
      timers: time.timers,
      log: pino({ level: 'silent' }),
      sink,
      iceServers: () => [],
      joinTokens: { verify: async () => undefined },
      notices: { consentMissing: async () => undefined },
    }));
  });

  /** Both students in, each sending video and receiving the other's. */
  async function callWithVideo() {
    const mentorJoin = await calls.join(mentorConn, { sessionId: record.id, studentId: 'mentor', joinToken: 't' });
    await calls.produce(mentorConn.connectionId, { transportId: mentorJoin.sendTransport.id, kind: 'video', rtpParameters: { codecs: [] } as never });
    const menteeJoin = await calls.join(menteeConn, { sessionId: record.id, studentId: 'mentee', joinToken: 't', rtpCapabilities: { codecs: [] } as never });
    const { producerId } = await calls.produce(menteeConn.connectionId, { transportId: menteeJoin.sendTransport.id, kind: 'video', rtpParameters: { codecs: [] } as never });
    await calls.consume(mentorConn.connectionId, { producerId, rtpCapabilities: { codecs: [] } as never });
    const peers = media.rooms.get(record.id)!.peers;
    return { mentor: peers.get('mentor') as FakePeer, mentee: peers.get('mentee') as FakePeer };
  }

  /** One reading every 500 ms for `ms`, from each peer with its own figure. */
  async function readings(peer: FakePeer, bps: number, ms: number, other?: { peer: FakePeer; bps: number }) {
    for (let t = 0; t < ms; t += 500) {
      peer.reportBandwidth(bps);
      other?.peer.reportBandwidth(other.bps);
      time.advance(500);
      await settle();
    }
  }

  const pushes = (to: string) => sent.filter((s) => s.to === to && s.event === 'media:video-paused-for-bandwidth').map((s) => s.payload);
  const bandwidthLog = () => logged.filter((e) => e.type.startsWith('Video')).map((e) => ({ type: e.type, actor: e.actor, detail: e.detail }));

  it('pauses only the weak receiver’s video, logs it with the figure, then tells that receiver alone', async () => {
    const { mentor, mentee } = await callWithVideo();
    await readings(mentee, 120_000, 4_000, { peer: mentor, bps: 900_000 });

    expect(mentee.videoHeld).toBe(true);
    expect(mentor.videoHeld).toBe(false);
    expect(bandwidthLog()).toEqual([{ type: 'VideoPausedForBandwidth', actor: 'mentee', detail: { receiver: 'student', availableKbps: 120 } }]);
    expect(pushes(menteeConn.connectionId)).toEqual([{ paused: true, availableKbps: 120 }]);
    expect(pushes(mentorConn.connectionId)).toEqual([]);
  });

  it('tries video again while paused and resumes once the link carries it, logging the recovery', async () => {
    const { mentee } = await callWithVideo();
    await readings(mentee, 120_000, 4_000);
    // The cap stays: trials come and fail, and the receiver is not told about them.
    await readings(mentee, 100_000, 12_000);
    expect(mentee.videoHeldChanges.length).toBeGreaterThan(2);
    // (Whether a trial is under way at this instant depends on the timing: none of them resumed.)
    expect(bandwidthLog().map((e) => e.type)).toEqual(['VideoPausedForBandwidth']);
    expect(pushes(menteeConn.connectionId)).toEqual([{ paused: true, availableKbps: 120 }]);

    // The cap is lifted: a trial's estimate rises past the resume threshold and video is back for good.
    await readings(mentee, 400_000, 10_000);
    expect(mentee.videoHeld).toBe(false);
    expect(pushes(menteeConn.connectionId)).toEqual([
      { paused: true, availableKbps: 120 },
      { paused: false, availableKbps: 400 },
    ]);
    expect(bandwidthLog().map((e) => e.type)).toEqual(['VideoPausedForBandwidth', 'VideoResumedForBandwidth']);
    const changes = mentee.videoHeldChanges.length;
    await readings(mentee, 400_000, 10_000);
    expect(mentee.videoHeldChanges.length).toBe(changes);
  });

  it('takes no decision for a receiver with no video to receive', async () => {
    await calls.join(mentorConn, { sessionId: record.id, studentId: 'mentor', joinToken: 't' });
    const mentor = media.rooms.get(record.id)!.peers.get('mentor') as FakePeer;
    await readings(mentor, 60_000, 8_000);
    expect(mentor.videoHeldChanges).toEqual([]);
    expect(bandwidthLog()).toEqual([]);
  });

  it('stops following a receiver who leaves, even mid-pause', async () => {
    const { mentee } = await callWithVideo();
    await readings(mentee, 120_000, 4_000);
    await calls.leave(menteeConn.connectionId, 'left');
    expect(calls.held().bandwidthWatches).toBe(1);
    const changes = mentee.videoHeldChanges.length;
    time.advance(30_000);
    await settle();
    expect(mentee.videoHeldChanges.length).toBe(changes);
    await calls.leave(mentorConn.connectionId, 'left');
    expect(calls.held().bandwidthWatches).toBe(0);
  });
});
