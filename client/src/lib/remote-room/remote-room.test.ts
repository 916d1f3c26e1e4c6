import type { ConsumeResult } from '@peerbridge/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMediaSession, fakeTrack } from '../../test-support/fake-media';
import { accepted, fakeSocket } from '../../test-support/fake-socket';
import { grace } from '../../test-support/observers';
import { RemoteRoom, type RoomEntry } from './remote-room';

const ME = '00000000-0000-4000-8000-000000000001';
const PARTNER = '00000000-0000-4000-8000-000000000002';
const partner = { participantId: PARTNER, firstName: 'Priya', role: 'mentor' as const, schoolName: 'Northgate School' };

const consumeResult = (producerId: string, kind: 'audio' | 'video' = 'video'): ConsumeResult => ({
  consumerId: `c-${producerId}`,
  producerId,
  participantId: PARTNER,
  kind,
  rtpParameters: {},
  producerPaused: false,
});

function entry(overrides: Partial<RoomEntry> = {}): RoomEntry {
  return { selfId: ME, media: fakeMediaSession(), peers: [partner], producers: [], consumers: [], observers: [], ...overrides };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function room(answer = (event: string) => (event === 'media:consume' ? accepted(consumeResult('v2')) : accepted())) {
  const fake = fakeSocket({ answer });
  let chatOpen = true;
  const remote = new RemoteRoom(fake.socket, () => chatOpen);
  return { remote, ...fake, closeChat: () => (chatOpen = false) };
}

afterEach(() => vi.restoreAllMocks());

describe('RemoteRoom', () => {
  it('holds pushes while a join is set up and replays them in order once it is', async () => {
    const { remote, push } = room();
    remote.begin();
    push('observer:joined', grace);
    push('producer:added', { producerId: 'v2', participantId: PARTNER, kind: 'video', paused: true });
    expect(remote.observers).toEqual([]);
    remote.enter(entry());
    await flush();
    expect(remote.observers).toEqual([grace]);
    expect(remote.mediaOf(PARTNER)).toMatchObject({ videoTrack: { id: 'v2' }, cameraOff: false });
  });

  it('starts receiving before it tells anyone the room changed, and lets the owner settle before held pushes', () => {
    const { remote, push } = room();
    const consumed: string[] = [];
    const media = Object.assign(fakeMediaSession(), {
      consume: async (result: ConsumeResult) => {
        consumed.push(result.producerId);
        return { track: fakeTrack(result.producerId) };
      },
    });
    const seen: string[] = [];
    remote.on('change', (what) => seen.push(`${what} after ${consumed.length} consumed`));
    remote.on('peerLeft', () => seen.push('peer left'));
    remote.begin();
    push('peer:left', { participantId: PARTNER });
    remote.enter(
      entry({
        media,
        producers: [{ producerId: 'v2', participantId: PARTNER, kind: 'video', paused: false }],
        consumers: [consumeResult('v2')],
      }),
      () => seen.push(`owner settled, partner ${remote.peer(PARTNER) ? 'here' : 'gone'}`),
    );
    expect(seen.slice(0, 3)).toEqual(['peers after 1 consumed', 'observers after 1 consumed', 'owner settled, partner here']);
    expect(seen).toContain('peer left');
  });

  it('with liveAfterReceiving, tells the owner and replays held pushes only once the join\'s tracks are received', async () => {
    const { remote, push } = room();
    let finishConsume: () => void = () => {};
    const media = Object.assign(fakeMediaSession(), {
      consume: (result: ConsumeResult) =>
        new Promise<{ track: MediaStreamTrack }>((resolve) => (finishConsume = () => resolve({ track: fakeTrack(result.producerId) }))),
    });
    const seen: string[] = [];
    remote.on('peerLeft', () => seen.push('peer left'));
    remote.begin();
    push('peer:left', { participantId: PARTNER });
    remote.enter(
      entry({ media, producers: [{ producerId: 'v2', participantId: PARTNER, kind: 'video', paused: false }], consumers: [consumeResult('v2')] }),
      () => seen.push('owner settled'),
      { liveAfterReceiving: true },
    );
    await flush();
    expect(remote.isLive).toBe(false);
    expect(seen).toEqual([]);
    push('observer:joined', grace);
    finishConsume();
    await flush();
    expect(remote.isLive).toBe(true);
    expect(seen).toEqual(['owner settled', 'peer left']);
    expect(remote.observers).toEqual([grace]);
  });

  it('with liveAfterReceiving and nothing to receive, goes live at once; a reset meanwhile keeps it closed', async () => {
    const alone = room();
    alone.remote.begin();
    alone.remote.enter(entry(), undefined, { liveAfterReceiving: true });
    expect(alone.remote.isLive).toBe(true);

    const { remote } = room();
    const media = Object.assign(fakeMediaSession(), { consume: () => Promise.reject(new Error('no SDP')) });
    const told = vi.fn();
    remote.begin();
    remote.enter(
      entry({ media, producers: [{ producerId: 'v2', participantId: PARTNER, kind: 'video', paused: false }], consumers: [consumeResult('v2')] }),
      told,
      { liveAfterReceiving: true },
    );
    remote.reset();
    await flush();
    expect(remote.isLive).toBe(false);
    expect(told).not.toHaveBeenCalled();
  });

  it('drops pushes outside a join', () => {
    const { remote, push } = room();
    push('observer:joined', grace);
    remote.begin();
    remote.enter(entry());
    expect(remote.observers).toEqual([]);
    remote.reset();
    push('peer:joined', { ...partner, participantId: '00000000-0000-4000-8000-000000000003' });
    expect(remote.peers).toEqual([]);
  });

  it('uses the consumers the join prepared, and never our own producers', async () => {
    const { remote, sent } = room();
    remote.begin();
    remote.enter(
      entry({
        producers: [
          { producerId: 'v1', participantId: PARTNER, kind: 'video', paused: false },
          { producerId: 'mine', participantId: ME, kind: 'audio', paused: false },
        ],
        consumers: [consumeResult('v1')],
      }),
    );
    await flush();
    expect(remote.allMedia().videoTrack).toEqual({ id: 'v1' });
    expect(remote.allMedia().audioTrack).toBeNull();
    expect(sent.map((s) => s.event)).toEqual(['media:resume-consumer']);
  });

  it('drops what a torn-down join was still receiving', async () => {
    let release: () => void = () => undefined;
    const media = {
      rtpCapabilities: { codecs: [] },
      consume: () => new Promise<{ track: MediaStreamTrack }>((resolve) => (release = () => resolve({ track: fakeTrack('late') }))),
      closeConsumer: vi.fn(),
    };
    const { remote } = room();
    remote.begin();
    remote.enter(
      entry({
        media,
        producers: [{ producerId: 'v1', participantId: PARTNER, kind: 'video', paused: false }],
        consumers: [consumeResult('v1')],
      }),
    );
    remote.reset();
    release();
    await flush();
    expect(remote.allMedia().videoTrack).toBeNull();
    expect(media.closeConsumer).toHaveBeenCalledWith('v1');
  });

  it('tells whose media could not be received, and follows people leaving', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { remote, push } = room(() => ({ ok: false, error: { code: 'internal', message: 'no' } }));
    const failed: string[] = [];
    const left: string[] = [];
    remote.on('receiveFailed', (info) => failed.push(info.producerId));
    remote.on('peerLeft', (id) => left.push(id));
    remote.begin();
    remote.enter(entry());
    push('producer:added', { producerId: 'a1', participantId: PARTNER, kind: 'audio', paused: false });
    await flush();
    expect(failed).toEqual(['a1']);
    push('peer:left', { participantId: PARTNER });
    expect(left).toEqual([PARTNER]);
    expect(remote.peers).toEqual([]);
  });

  it('keeps the chat across rejoins, marks our own lines, and stops taking it when told', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { remote, push, closeChat } = room();
    remote.begin();
    remote.enter(entry());
    push('chat:message', { fromParticipantId: PARTNER, firstName: 'Priya', text: 'Hi', at: '2026-01-01T09:01:00Z' });
    remote.addOwnMessage('Hello', '2026-01-01T09:01:30Z');
    remote.reset();
    remote.begin();
    push('chat:message', { fromParticipantId: ME, firstName: 'Sam', text: 'from my other iPad', at: '2026-01-01T09:02:00Z' });
    push('chat:message', { text: 42 });
    closeChat();
    push('chat:message', { fromParticipantId: PARTNER, firstName: 'Priya', text: 'late', at: '2026-01-01T09:03:00Z' });
    expect(remote.chat.map((c) => [c.from, c.text])).toEqual([
      ['partner', 'Hi'],
      ['self', 'Hello'],
      ['self', 'from my other iPad'],
    ]);
  });
});
