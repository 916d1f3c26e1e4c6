import type { ClientAckData, ClientPayload, JoinResult, MediaKind, ProducerInfo } from '@peerbridge/shared';
import type { Logger } from 'pino';
import { AppError } from '../../errors.js';
import type { MediaPeer, MediaPort } from '../../media/media-port.js';
import type { LiveRegistry } from '../live-registry/live-registry.js';
import type { LiveSession, StudentParticipant } from '../live-registry/live-session.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { SessionTimeline } from '../session-timeline/session-timeline.js';

/**
 * The media of those in a call, passed through to the SFU behind MediaPort:
 * transports, producers, consumers, pausing. Each request acts only on the
 * asking connection's own peer and on media inside its own session.
 */
export class CallMedia {
  constructor(
    private readonly deps: {
      registry: Pick<LiveRegistry, 'whereIs'>;
      media: Pick<MediaPort, 'routerRtpCapabilities'>;
      sink: RealtimeSink;
      timeline: Pick<SessionTimeline, 'mediaToggled' | 'mediaFlowing'>;
      log: Logger;
      /** TURN credentials for one device or member of staff. */
      iceServers: (who: string) => JoinResult['iceServers'];
    },
  ) {}

  capabilities(): ClientAckData['media:capabilities'] {
    return { routerRtpCapabilities: this.deps.media.routerRtpCapabilities() };
  }

  iceServersFor(who: string): JoinResult['iceServers'] {
    return this.deps.iceServers(who);
  }

  /**
   * Consumers made ahead for a newcomer, of everyone else's media as it is now, when the join carried
   * rtpCapabilities. The join's answer lists the producers again once the newcomer is registered
   * (`LiveSession.producersOfOthers`); one made in between is consumed the ordinary way.
   */
  async offer(session: LiveSession, peer: MediaPeer, newcomerId: string, rtpCapabilities: unknown) {
    const consumers = rtpCapabilities ? await this.prepareConsumers(peer, session.producersOfOthers(newcomerId), rtpCapabilities) : [];
    return { consumers };
  }

  async connectTransport(connectionId: string, input: ClientPayload<'transport:connect'>) {
    const { participant } = this.deps.registry.whereIs(connectionId);
    await participant.peer.connectTransport(input.transportId, input.dtlsParameters);
    return {};
  }

  /** Only the asking connection's own transports: `restartIce` refuses any other id. */
  async restartIce(connectionId: string, input: ClientPayload<'transport:restart-ice'>): Promise<ClientAckData['transport:restart-ice']> {
    const { participant } = this.deps.registry.whereIs(connectionId);
    return participant.peer.restartIce(input.transportId);
  }

  async produce(connectionId: string, input: ClientPayload<'media:produce'>): Promise<ClientAckData['media:produce']> {
    const { session, participant } = this.deps.registry.whereIs(connectionId);
    if (participant.kind === 'observer') throw new AppError('forbidden', 'Observers receive only; they never send.');
    const { producerId } = await participant.peer.produce(input.transportId, input.kind, input.rtpParameters);
    const paused = input.paused === true;
    if (paused) {
      // Joined with it off: paused before anyone is told of it, and the log says it was off.
      await participant.peer.setProducerPaused(producerId, true);
      await this.deps.timeline.mediaToggled(session.record.id, participant, { kind: input.kind, on: false });
    }
    participant.producers.set(producerId, { kind: input.kind, paused });
    if (participant.kind === 'student') this.noteWhenMediaFlows(session.record.id, participant, producerId, input.kind);
    const announced = { producerId, participantId: participant.id, kind: input.kind, paused };
    for (const other of session.others(participant.id)) {
      this.deps.sink.send(other.connectionId, 'producer:added', announced);
    }
    return { producerId };
  }

  async consume(connectionId: string, input: ClientPayload<'media:consume'>): Promise<ClientAckData['media:consume']> {
    const { session, participant } = this.deps.registry.whereIs(connectionId);
    const owner = session.ownerOfProducer(input.producerId);
    if (!owner || owner === participant) {
      throw AppError.notFound('That video or audio is not part of this session.');
    }
    const consumer = await participant.peer.consume(input.producerId, input.rtpCapabilities);
    return { ...consumer, participantId: owner.id };
  }

  async resumeConsumer(connectionId: string, input: ClientPayload<'media:resume-consumer'>) {
    await this.deps.registry.whereIs(connectionId).participant.peer.resumeConsumer(input.consumerId);
    return {};
  }

  /** A camera or microphone turned off or on: on the log before the partner is told. */
  async setPaused(connectionId: string, input: ClientPayload<'media:set-paused'>) {
    const { session, participant } = this.deps.registry.whereIs(connectionId);
    const producer = participant.producers.get(input.producerId);
    if (!producer) throw AppError.notFound('That microphone or camera is not being sent from this device.');
    await participant.peer.setProducerPaused(input.producerId, input.paused);
    producer.paused = input.paused;
    producer.pausedInBackground = input.paused && input.reason === 'background';
    // Paused while the iPad app was in the background, or back from it: said so, in the log and to the partner.
    const background = input.reason === 'background' ? { reason: 'background' as const } : {};
    await this.deps.timeline.mediaToggled(session.record.id, participant, { kind: producer.kind, on: !input.paused, ...background });
    for (const other of session.others(participant.id)) {
      this.deps.sink.send(other.connectionId, 'producer:paused', { producerId: input.producerId, paused: input.paused, ...background });
    }
    return {};
  }

  /**
   * Consumers for the partner's media, made during the join. One that cannot
   * be made is left out: the client then asks for it the ordinary way.
   */
  /**
   * Off the join's path: the answer to produce does not wait for media. The first producer whose
   * media arrives writes the one MediaFlowing of this stay; attendance tells a failed connection from it.
   */
  private noteWhenMediaFlows(sessionId: string, participant: StudentParticipant, producerId: string, kind: MediaKind): void {
    void participant.peer
      .whenMediaFlows(producerId)
      .then(async (flowed) => {
        if (!flowed || participant.mediaFlowing) return;
        participant.mediaFlowing = true;
        await this.deps.timeline.mediaFlowing(sessionId, participant, kind);
      })
      .catch((err: unknown) => this.deps.log.error({ err, sessionId }, 'MediaFlowingNotRecorded'));
  }

  private async prepareConsumers(peer: MediaPeer, producers: ProducerInfo[], rtpCapabilities: unknown) {
    const made = await Promise.all(
      producers.map((producer) =>
        peer.consume(producer.producerId, rtpCapabilities).then(
          (consumer) => ({ ...consumer, participantId: producer.participantId }),
          (err: unknown) => {
            this.deps.log.warn({ err, producerId: producer.producerId }, 'ConsumerNotPrepared');
            return undefined;
          },
        ),
      ),
    );
    return made.filter((c) => c !== undefined);
  }
}
