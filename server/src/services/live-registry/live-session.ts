import type { MediaKind, ObserverInfo, PeerInfo, ProducerInfo } from '@peerbridge/shared';
import type { SessionRecord } from '../../infra/db/session-repository.js';
import type { MediaPeer, MediaRoom } from '../../media/media-port.js';
import type { LiveSessionView } from './live-sessions-view.js';

interface ParticipantBase {
  /** Student id, or staff id for an observer. */
  id: string;
  connectionId: string;
  deviceId: string | null;
  peer: MediaPeer;
  producers: Map<string, { kind: MediaKind; paused: boolean; pausedInBackground?: boolean }>;
}

export interface StudentParticipant extends ParticipantBase {
  kind: 'student';
  info: PeerInfo;
  /**
   * Set while their connection is lost and their place kept (media transports stay open so ICE can
   * restart on them); the timer drops them when the grace period runs out.
   */
  lost?: { graceTimer: { cancel(): void } } | undefined;
  /** The log already says their media reached the server in this stay (MediaFlowing is written once per join). */
  mediaFlowing?: boolean;
}

/** Staff watching: receives, never sends, and is always shown to the students. */
export interface ObserverParticipant extends ParticipantBase {
  kind: 'observer';
  info: ObserverInfo;
}

export type Participant = StudentParticipant | ObserverParticipant;

/** A session that is happening now: its media room and who is in it. */
export class LiveSession implements LiveSessionView {
  readonly participants = new Map<string, Participant>();
  /** Ends the call at the session's end time; cancelled when the live session closes first. */
  endTimer: { cancel(): void } | undefined;

  constructor(
    readonly record: SessionRecord,
    readonly room: MediaRoom,
  ) {}

  others(id: string): Participant[] {
    return [...this.participants.values()].filter((p) => p.id !== id);
  }

  students(): StudentParticipant[] {
    return [...this.participants.values()].filter((p): p is StudentParticipant => p.kind === 'student');
  }

  observers(): ObserverParticipant[] {
    return [...this.participants.values()].filter((p): p is ObserverParticipant => p.kind === 'observer');
  }

  producersOf(participant: Participant): ProducerInfo[] {
    return [...participant.producers].map(([producerId, p]) => ({
      producerId,
      participantId: participant.id,
      kind: p.kind,
      paused: p.paused,
      ...(p.paused && p.pausedInBackground ? { pausedReason: 'background' as const } : {}),
    }));
  }

  /**
   * What everyone but `id` sends: what a newcomer (a student or staff observing) receives. A join
   * lists these once the newcomer is registered, not as its media offer saw them: produce does not
   * wait in the session's queue, so a producer made while the join awaited its transports, consumers
   * and log entry was announced only to those registered then, and the newcomer would never hear of
   * it (after a restart both iPads come back at once and one's camera starts inside the other's join).
   * One without a prepared consumer the client consumes the ordinary way (`media:consume`).
   */
  producersOfOthers(id: string): ProducerInfo[] {
    return this.others(id).flatMap((o) => this.producersOf(o));
  }

  /** The participant who owns a producer, if it is anyone in this session. */
  ownerOfProducer(producerId: string): Participant | undefined {
    return [...this.participants.values()].find((p) => p.producers.has(producerId));
  }

  schoolIds(): string[] {
    return [this.record.mentor.schoolId, this.record.mentee.schoolId];
  }
}
