import type { PauseReason, ProducerInfo } from '@peerbridge/shared';

/** One person's media as a screen shows it. */
export interface RemoteMedia {
  audioTrack: MediaStreamTrack | null;
  videoTrack: MediaStreamTrack | null;
  /** They paused their microphone (or camera): show it, don't leave the viewer guessing. */
  micOff: boolean;
  cameraOff: boolean;
  /** Their iPad paused the camera while its app was in the background; it comes back by itself. */
  cameraPaused: boolean;
}

export const noRemoteMedia: RemoteMedia = { audioTrack: null, videoTrack: null, micOff: false, cameraOff: false, cameraPaused: false };

export interface RemoteProducer {
  info: ProducerInfo;
  paused: boolean;
  /** Why, when the sender said (a producer announced paused is taken as turned off). */
  pausedReason: PauseReason;
  /** Set once the consumer exists; null while it is being set up. */
  track: MediaStreamTrack | null;
}

/**
 * Bookkeeping for the other people's producers (a student's partner, or both
 * students for staff observing), kept apart from the media objects so the
 * rules (ignore our own, no duplicates, latest pause state wins) are plain
 * code with tests.
 */
export class RemoteProducers {
  private readonly entries = new Map<string, RemoteProducer>();

  /** Returns the new entry, or null if it is ours or already known. */
  add(info: ProducerInfo, selfParticipantId: string | null): RemoteProducer | null {
    if (info.participantId === selfParticipantId || this.entries.has(info.producerId)) return null;
    const entry: RemoteProducer = { info, paused: info.paused, pausedReason: info.pausedReason ?? 'user', track: null };
    this.entries.set(info.producerId, entry);
    return entry;
  }

  /** True while `entry` is still the live record for its producer (not closed or replaced). */
  isCurrent(entry: RemoteProducer): boolean {
    return this.entries.get(entry.info.producerId) === entry;
  }

  setPaused(producerId: string, paused: boolean, reason: PauseReason = 'user'): boolean {
    const entry = this.entries.get(producerId);
    if (!entry) return false;
    entry.paused = paused;
    entry.pausedReason = reason;
    return true;
  }

  delete(producerId: string): boolean {
    return this.entries.delete(producerId);
  }

  producerIdsOf(participantId: string): string[] {
    return [...this.entries.values()].filter((e) => e.info.participantId === participantId).map((e) => e.info.producerId);
  }

  clear(): void {
    this.entries.clear();
  }

  /** What the screen shows: one partner, so at most one audio and one video (the newest wins). */
  snapshot(): RemoteMedia {
    return this.mediaOf(() => true);
  }

  /** One participant's media, for a screen that shows several people (staff observing). */
  snapshotOf(participantId: string): RemoteMedia {
    return this.mediaOf((entry) => entry.info.participantId === participantId);
  }

  private mediaOf(include: (entry: RemoteProducer) => boolean): RemoteMedia {
    let audio: RemoteProducer | undefined;
    let video: RemoteProducer | undefined;
    for (const entry of this.entries.values()) {
      if (!include(entry)) continue;
      if (entry.info.kind === 'audio') audio = entry;
      else video = entry;
    }
    if (!audio && !video) return noRemoteMedia;
    return {
      audioTrack: audio?.track ?? null,
      videoTrack: video?.track ?? null,
      micOff: audio?.paused ?? false,
      cameraOff: (video?.paused ?? false) && video?.pausedReason !== 'background',
      cameraPaused: (video?.paused ?? false) && video?.pausedReason === 'background',
    };
  }
}
