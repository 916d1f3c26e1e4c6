import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeMediaSession, fakeTrack } from '../../test-support/fake-media';
import { fakeSocket } from '../../test-support/fake-socket';
import { joinResult, ME, PARTNER, SESSION } from '../../test-support/join-result';
import { CallClient, type CreateMediaSession } from './call-client';
import type { MediaSession } from './media-session';

/*
 * Our own tracks go out once the partner's have connected (media-session's `receiveSettled`):
 * sent together, the send side's set-up held up the partner's first frame on the iPad's CPU.
 */

const partnerVideo = { producerId: 'partner-video', participantId: PARTNER, kind: 'video' as const, paused: false };
const consumer = { consumerId: 'consumer-1', producerId: 'partner-video', participantId: PARTNER, kind: 'video' as const, rtpParameters: {}, producerPaused: false };

/** A media session that can send, records what it sent, and whose receive side settles when the test says. */
function sendingMedia() {
  const produced: string[] = [];
  let settle = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const session = Object.assign(fakeMediaSession(), {
    canProduce: () => true,
    receiveSettled: vi.fn(() => settled),
    produce: async (track: MediaStreamTrack) => {
      produced.push(track.id);
      return { id: `producer-${track.id}`, closed: false, pause: () => {}, resume: () => {} };
    },
  }) as unknown as MediaSession;
  return { session, produced, settle };
}

const tracks = [Object.assign(fakeTrack('mic'), { kind: 'audio', readyState: 'live' }), Object.assign(fakeTrack('camera'), { kind: 'video', readyState: 'live' })];
const JOIN = { sessionId: SESSION, studentId: ME, joinToken: 'join-token', stream: { getTracks: () => tracks } as unknown as MediaStream };

async function join(withPartnerMedia: boolean) {
  const media = sendingMedia();
  const createMediaSession: CreateMediaSession = async () => media.session;
  const answer = joinResult();
  const result = withPartnerMedia ? { ...answer, producers: [partnerVideo], consumers: [consumer] } : answer;
  const fake = fakeSocket({ answer: (event) => (event === 'session:join' ? { ok: true, data: result } : { ok: true, data: { producerId: 'p' } }) });
  const client = new CallClient('device-token', { socket: fake.socket, createMediaSession });
  await client.join(JOIN);
  return { client, ...media };
}

const turns = () => new Promise((resolve) => setTimeout(resolve, 10));

afterEach(() => vi.restoreAllMocks());

describe('receiving before sending on a join', () => {
  it("holds our tracks until the partner's media has connected, then sends audio first", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, session, produced, settle } = await join(true);
    await turns();
    expect(session.receiveSettled).toHaveBeenCalledWith(500);
    expect(produced).toEqual([]);
    settle();
    await turns();
    expect(produced).toEqual(['mic', 'camera']);
    client.dispose();
  });

  it('sends at once when the partner has nothing to receive yet', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, session, produced } = await join(false);
    await turns();
    expect(session.receiveSettled).not.toHaveBeenCalled();
    expect(produced).toEqual(['mic', 'camera']);
    client.dispose();
  });

  it('sends nothing when the call was left while waiting', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, produced, settle } = await join(true);
    await client.leave();
    settle();
    await turns();
    expect(produced).toEqual([]);
    client.dispose();
  });
});
