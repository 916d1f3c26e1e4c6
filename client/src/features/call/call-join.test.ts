import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeLoadedDevice, fakeMediaSession } from '../../test-support/fake-media';
import { accepted, fakeSocket } from '../../test-support/fake-socket';
import { joinResult, ME, SESSION } from '../../test-support/join-result';
import { DevicePreload, negotiateJoin } from './call-join';
import { MediaSession } from './media-session';

const PARAMS = { sessionId: SESSION, studentId: ME, joinToken: 'join-token', stream: {} as MediaStream };

function join(fake: ReturnType<typeof fakeSocket>, preload: DevicePreload) {
  return negotiateJoin({
    socket: fake.socket,
    params: PARAMS,
    preload,
    createMediaSession: async () => fakeMediaSession(),
    isCurrent: () => true,
    onMediaFailed: () => undefined,
  });
}

afterEach(() => vi.restoreAllMocks());

describe('negotiateJoin', () => {
  it('sends the join in the same turn as the tap once the socket is up and the Device is loaded', async () => {
    vi.spyOn(MediaSession, 'loadDevice').mockResolvedValue(fakeLoadedDevice());
    const fake = fakeSocket({ answer: (event) => (event === 'session:join' ? accepted(joinResult()) : accepted({ routerRtpCapabilities: {} })) });
    const preload = new DevicePreload(fake.socket);
    await preload.get();
    const joining = join(fake, preload);
    // Nothing awaited yet: the screen's re-render for "Joining…" comes after the request, not before it.
    expect(fake.sent.map((s) => s.event)).toEqual(['media:capabilities', 'session:join']);
    expect(fake.sent[1]?.payload).toMatchObject({ rtpCapabilities: { codecs: [] } });
    await expect(joining).resolves.toMatchObject({ joined: { participantId: ME } });
  });

  it('waits for the Device when it is still loading, and still sends its capabilities', async () => {
    let loaded!: (device: ReturnType<typeof fakeLoadedDevice>) => void;
    vi.spyOn(MediaSession, 'loadDevice').mockReturnValue(new Promise((resolve) => (loaded = resolve)));
    const fake = fakeSocket({ answer: (event) => (event === 'session:join' ? accepted(joinResult()) : accepted({ routerRtpCapabilities: {} })) });
    const preload = new DevicePreload(fake.socket);
    const joining = join(fake, preload);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(fake.sent.map((s) => s.event)).toEqual(['media:capabilities']);
    loaded(fakeLoadedDevice());
    await expect(joining).resolves.not.toBeNull();
    expect(fake.sent.find((s) => s.event === 'session:join')?.payload).toMatchObject({ rtpCapabilities: { codecs: [] } });
  });
});
