import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeLoadedDevice, fakeMediaSession } from '../../test-support/fake-media';
import { fakeSocket, type Ack } from '../../test-support/fake-socket';
import { ObserveClient, VIDEO_PAUSED_NOTICE, type ObserveMedia } from './observe-client';

const SESSION = '11111111-1111-4111-8111-111111111111';
const MENTOR = '22222222-2222-4222-8222-222222222222';
const MENTEE = '33333333-3333-4333-8333-333333333333';
const ME = '44444444-4444-4444-8444-444444444444';

const mentor = { participantId: MENTOR, firstName: 'Priya', role: 'mentor', schoolName: 'Northgate School' };
const mentee = { participantId: MENTEE, firstName: 'Sam', role: 'mentee', schoolName: 'Riverside High School' };
const me = { observerId: ME, name: 'Ms Grace Adeyemi', schoolName: 'Riverside High School', role: 'dsl' };

function observeResult() {
  return {
    session: { id: SESSION, startsAt: '2026-01-01T09:00:00Z', endsAt: '2026-01-01T09:30:00Z' },
    routerRtpCapabilities: {},
    recvTransport: { id: 'recv', iceParameters: {}, iceCandidates: [], dtlsParameters: {} },
    iceServers: [],
    peers: [mentee, mentor],
    producers: [{ producerId: 'v-mentee', participantId: MENTEE, kind: 'video', paused: false }],
    consumers: [
      {
        consumerId: 'c1',
        producerId: 'v-mentee',
        participantId: MENTEE,
        kind: 'video',
        rtpParameters: {},
        producerPaused: false,
      },
    ],
    observers: [me],
  };
}

const fakeMedia: ObserveMedia = {
  loadDevice: async () => fakeLoadedDevice(),
  create: async () => fakeMediaSession(),
};

function answers(overrides: Record<string, Ack> = {}) {
  return (event: string): Ack => {
    if (overrides[event]) return overrides[event];
    if (event === 'observe:join') return { ok: true, data: observeResult() };
    if (event === 'media:capabilities') return { ok: true, data: { routerRtpCapabilities: {} } };
    if (event === 'media:consume') {
      return {
        ok: true,
        data: { consumerId: 'c2', producerId: 'a-mentor', participantId: MENTOR, kind: 'audio', rtpParameters: {}, producerPaused: true },
      };
    }
    return { ok: true, data: {} };
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.restoreAllMocks());

describe('ObserveClient', () => {
  it('joins receive-only with the device capabilities and shows both students, mentor first', async () => {
    const { socket, sent } = fakeSocket({ answer: answers() });
    const client = new ObserveClient(SESSION, { socket, media: fakeMedia });
    await client.start();
    await flush();
    expect(sent.find((s) => s.event === 'observe:join')?.payload).toEqual({ sessionId: SESSION, rtpCapabilities: { codecs: [] } });
    expect(sent.some((s) => s.event === 'media:produce')).toBe(false);
    expect(client.state.phase).toBe('watching');
    expect(client.state.students.map((s) => s.peer.firstName)).toEqual(['Priya', 'Sam']);
    expect(client.state.students[1]!.media.videoTrack).toEqual({ id: 'v-mentee' });
    expect(sent.find((s) => s.event === 'media:resume-consumer')?.payload).toEqual({ consumerId: 'c1' });
    expect(client.state.observers).toEqual([me]);
    client.dispose();
  });

  it('follows producers and people coming and going', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { socket, push } = fakeSocket({ answer: answers() });
    const client = new ObserveClient(SESSION, { socket, media: fakeMedia });
    await client.start();
    push('producer:added', { producerId: 'a-mentor', participantId: MENTOR, kind: 'audio', paused: true });
    await flush();
    expect(client.state.students[0]!.media).toMatchObject({ audioTrack: { id: 'a-mentor' }, micOff: true });
    push('producer:paused', { producerId: 'a-mentor', paused: false });
    expect(client.state.students[0]!.media.micOff).toBe(false);
    push('peer:left', { participantId: MENTEE });
    expect(client.state.students.map((s) => s.peer.firstName)).toEqual(['Priya']);
    push('chat:message', { fromParticipantId: MENTOR, firstName: 'Priya', text: 'Hi Sam', at: '2026-01-01T09:01:00Z' });
    expect(client.state.chat.map((c) => c.text)).toEqual(['Hi Sam']);
    client.dispose();
  });

  it('says while the server holds video back for this connection, and stops when it is back', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { socket, push } = fakeSocket({ answer: answers() });
    const client = new ObserveClient(SESSION, { socket, media: fakeMedia });
    await client.start();
    push('media:video-paused-for-bandwidth', { paused: true, availableKbps: 90 });
    expect(client.state.notice).toBe(VIDEO_PAUSED_NOTICE);
    push('media:video-paused-for-bandwidth', { paused: false, availableKbps: 300 });
    expect(client.state.notice).toBeNull();
    client.dispose();
  });

  it("ends with the server's words when observing is refused", async () => {
    const { socket } = fakeSocket({
      answer: answers({ 'observe:join': { ok: false, error: { code: 'session_not_open', message: 'This session is not happening now.' } } }),
    });
    const client = new ObserveClient(SESSION, { socket, media: fakeMedia });
    await client.start();
    expect(client.state).toMatchObject({ phase: 'ended', endMessage: 'This session is not happening now.' });
    client.dispose();
  });

  it('ends when the session does, and when the connection drops', async () => {
    const first = fakeSocket({ answer: answers() });
    const ended = new ObserveClient(SESSION, { socket: first.socket, media: fakeMedia });
    await ended.start();
    first.push('session:ended', { reason: 'time_up', message: 'Both students have left.' });
    expect(ended.state).toMatchObject({ phase: 'ended', endMessage: 'Both students have left.', students: [] });
    ended.dispose();

    const second = fakeSocket({ answer: answers() });
    const dropped = new ObserveClient(SESSION, { socket: second.socket, media: fakeMedia });
    await dropped.start();
    second.push('disconnect', 'transport close');
    expect(dropped.state.phase).toBe('ended');
    expect(dropped.state.endMessage).toMatch(/connection/);
    dropped.dispose();
  });

  it('tells the server when staff stop watching', async () => {
    const { socket, raw, sent } = fakeSocket({ answer: answers() });
    const client = new ObserveClient(SESSION, { socket, media: fakeMedia });
    await client.start();
    await client.stop();
    expect(sent.at(-1)?.event).toBe('session:leave');
    expect(raw.disconnect).toHaveBeenCalled();
  });
});
