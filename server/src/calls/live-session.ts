import type { MediaKind, PeerInfo, ProducerInfo } from '@peerbridge/shared';
import type { SessionRecord } from '../infra/db/session-repository.js';
import type { MediaPeer, MediaRoom } from '../media/media-port.js';

export interface Participant {
  connectionId: string;
  deviceId: string;
  info: PeerInfo;
  peer: MediaPeer;
  producers: Map<string, { kind: MediaKind; paused: boolean }>;
}

/** A session that is happening now: its media room and who is in it. */
export class LiveSession {
  readonly participants = new Map<string, Participant>();
  endTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly record: SessionRecord,
    readonly room: MediaRoom,
  ) {}

  others(studentId: string): Participant[] {
    return [...this.participants.values()].filter((p) => p.info.participantId !== studentId);
  }

  producersOf(participant: Participant): ProducerInfo[] {
    return [...participant.producers].map(([producerId, p]) => ({
      producerId,
      participantId: participant.info.participantId,
      kind: p.kind,
      paused: p.paused,
    }));
  }

  /** The participant who owns a producer, if it is anyone in this session. */
  ownerOfProducer(producerId: string): Participant | undefined {
    return [...this.participants.values()].find((p) => p.producers.has(producerId));
  }
}
