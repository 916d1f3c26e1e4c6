import type { ConsumeResult } from '@peerbridge/shared';
import type { LoadedDevice, MediaSession } from '../features/call/media-session';

/*
 * Stand-ins for mediasoup-client's Device and a join's transports: there is
 * no WebRTC in Node, and the clients' logic is what the unit tests are about.
 */

/** A track is only ever compared by identity or id in the tests. */
export const fakeTrack = (id: string) => ({ id }) as unknown as MediaStreamTrack;

/** A loaded Device that fits any router. */
export function fakeLoadedDevice(): LoadedDevice {
  return { device: { rtpCapabilities: { codecs: [] } }, loadedFor: '{}' } as unknown as LoadedDevice;
}

/** A join's media: consuming a producer gives a track named after it; it cannot send. */
export function fakeMediaSession(): MediaSession {
  const session = {
    rtpCapabilities: { codecs: [] },
    consume: async (result: ConsumeResult) => ({ track: fakeTrack(result.producerId) }),
    closeConsumer: () => undefined,
    close: () => undefined,
    signalAvailable: () => undefined,
    canProduce: () => false,
    producer: () => undefined,
  };
  return session as unknown as MediaSession;
}
