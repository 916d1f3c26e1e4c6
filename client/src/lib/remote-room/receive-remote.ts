import { ConsumeResult, type ClientPayload } from '@peerbridge/shared';
import { request, type PeerbridgeSocket } from '../socket-client';
import type { RemoteProducer } from './remote-producers';

/**
 * The receiving half of a join's media, as the room needs it. The call's and
 * the observer's MediaSession both are one; tests pass a plain object, since
 * there is no WebRTC in Node.
 */
export interface ReceivingMedia {
  readonly rtpCapabilities: ClientPayload<'media:consume'>['rtpCapabilities'];
  consume(result: ConsumeResult): Promise<{ readonly track: MediaStreamTrack }>;
  closeConsumer(producerId: string): void;
}

/**
 * Receives one remote producer: a student's partner, or a student an observer
 * watches. `prepared` is a consumer the server already made during the join.
 * `stillWanted` is asked after every await, because the room may have moved
 * on (left, rejoined, the producer closed) in the meantime. Errors go to the
 * caller, which knows how to word them.
 */
export async function receiveRemote(deps: {
  socket: PeerbridgeSocket;
  media: ReceivingMedia;
  entry: RemoteProducer;
  prepared: ConsumeResult | undefined;
  stillWanted: () => boolean;
  onTrack: () => void;
}): Promise<void> {
  const { socket, media, entry, stillWanted } = deps;
  const result =
    deps.prepared ??
    ConsumeResult.parse(
      await request(socket, 'media:consume', { producerId: entry.info.producerId, rtpCapabilities: media.rtpCapabilities }),
    );
  if (!stillWanted()) return;
  // Pushes are ordered with acks on the socket, so this is the latest state
  // until a later `producer:paused` says otherwise.
  entry.paused = result.producerPaused;
  const consumer = await media.consume(result);
  if (!stillWanted()) {
    media.closeConsumer(result.producerId);
    return;
  }
  entry.track = consumer.track;
  deps.onTrack();
  // The server creates consumers paused so nothing flows before we can show it.
  await request(socket, 'media:resume-consumer', { consumerId: result.consumerId });
}
