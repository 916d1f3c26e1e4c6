import type { MediaKind, PauseReason } from '@peerbridge/shared';
import { reportProblem } from '../../lib/diagnostics';
import { request, type DeviceSocket } from '../../lib/socket-client';
import type { StateStore } from '../../lib/state-store';
import type { CallState } from './call-state';
import { markJoinStage } from './latency-marks';
import type { MediaSession } from './media-session';

/**
 * Our side of the call: the screen's camera and microphone sent as
 * producers, and the mute buttons. Muting acts on the track and the producer
 * here first (privacy does not wait for the network), then tells the server.
 */
export class CallPublisher {
  constructor(
    private readonly socket: DeviceSocket,
    private readonly store: StateStore<CallState>,
  ) {}

  /** Sends every track of `stream`. `isCurrent` turns false once this join is torn down. */
  async publish(media: MediaSession, stream: MediaStream, isCurrent: () => boolean): Promise<void> {
    // Audio first: if the Wi-Fi struggles, being heard matters more than being seen.
    const ordered = [...stream.getTracks()].sort((a, b) => (a.kind === 'audio' ? -1 : b.kind === 'audio' ? 1 : 0));
    await Promise.all(ordered.map((track) => this.publishTrack(media, track, isCurrent)));
  }

  async setEnabled(kind: MediaKind, enabled: boolean, media: MediaSession | null, stream: MediaStream | null): Promise<void> {
    this.store.update(kind === 'audio' ? { micEnabled: enabled } : { cameraEnabled: enabled });
    // Also on the track itself, so muting works even before (or without) a producer.
    applyTrackEnabled(stream, kind, enabled);
    const producer = media?.producer(kind);
    if (!producer || producer.closed) return;
    if (enabled) producer.resume();
    else producer.pause();
    await this.sendPaused(producer.id, !enabled);
  }

  private async publishTrack(media: MediaSession, track: MediaStreamTrack, isCurrent: () => boolean): Promise<void> {
    const kind: MediaKind = track.kind === 'audio' ? 'audio' : 'video';
    const what = kind === 'audio' ? 'microphone' : 'camera';
    if (track.readyState === 'ended') {
      this.store.update({ notice: `Your ${what} has stopped. Leave and join again to restart it.` });
      return;
    }
    if (!media.canProduce(kind)) {
      this.store.update({ notice: `This device can't send ${kind === 'audio' ? 'sound' : 'video'} in this call.` });
      return;
    }
    const wanted = () => (kind === 'audio' ? this.store.state.micEnabled : this.store.state.cameraEnabled);
    try {
      // Off already (chosen on pre-join): sent paused, so the partner sees "off" from the first moment.
      const startedOff = !wanted();
      const producer = await media.produce(track, startedOff);
      if (!isCurrent()) return;
      markJoinStage(kind === 'audio' ? 'produced-audio' : 'produced-video');
      // The user may have turned it on or off while we were connecting; honour it.
      if (wanted() === startedOff) {
        if (startedOff) producer.resume();
        else producer.pause();
        await this.sendPaused(producer.id, !startedOff);
      }
    } catch (error) {
      if (!isCurrent()) return;
      reportProblem(`could not send ${what}`, error);
      this.store.update({ notice: `We couldn't send your ${what}. Try leaving and joining again.` });
    }
  }

  /** The camera paused (or back) because the app left (or returned to) the screen: the partner is told why. */
  tellBackgroundPause(producerId: string, paused: boolean): Promise<void> {
    return this.sendPaused(producerId, paused, 'background');
  }

  private async sendPaused(producerId: string, paused: boolean, reason: PauseReason = 'user'): Promise<void> {
    try {
      await request(this.socket, 'media:set-paused', { producerId, paused, ...(reason === 'background' ? { reason } : {}) });
    } catch (error) {
      // Locally paused already, so privacy holds; the partner's indicator may lag.
      reportProblem('media:set-paused failed', error);
    }
  }
}

/** The screen's own tracks follow the buttons, whether or not anything is being sent yet. */
export function applyTrackEnabled(stream: MediaStream | null, kind: MediaKind, enabled: boolean): void {
  for (const track of stream?.getTracks() ?? []) {
    if (track.kind === kind) track.enabled = enabled;
  }
}
