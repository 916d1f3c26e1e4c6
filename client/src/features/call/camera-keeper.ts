import { reportProblem } from '../../lib/diagnostics';

/** The part of a mediasoup-client Producer the keeper drives. */
export interface KeptProducer {
  readonly id: string;
  readonly paused: boolean;
  readonly closed: boolean;
  pause(): void;
  resume(): void;
  replaceTrack(options: { track: MediaStreamTrack }): Promise<void>;
}

export interface CameraKeeperDeps {
  page: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;
  /** The screen's stream: the self view shows it and the call sends its camera track. */
  stream: () => MediaStream | null;
  /** The video producer of the current join, if it exists yet. */
  producer: () => KeptProducer | undefined;
  /** The child's own choice (the camera button); never overridden here. */
  cameraWanted: () => boolean;
  /** A new camera track with the same constraints (and the same camera) as `like`. */
  newCameraTrack: (like: MediaStreamTrack) => Promise<MediaStreamTrack>;
  /** Tells the server (and so the partner) the camera is paused or back because of the background. */
  tellPaused: (producerId: string, paused: boolean) => Promise<void>;
  /** The camera could not be restored: the child is told how to get it back. */
  onRestoreFailed: () => void;
}

/**
 * iPad Safari stops (or mutes) the camera when the app goes to the background. While hidden the
 * partner is told the camera paused; on return (or when the track ends while visible) a new camera
 * track replaces the dead one in the self view and on the producer, and the partner sees us again.
 * The child's camera-off choice always wins: a camera they turned off stays off.
 */
export class CameraKeeper {
  private pausedForBackground = false;
  private restoring: Promise<void> | null = null;
  private watched: MediaStreamTrack | null = null;
  private stopped = false;

  constructor(private readonly deps: CameraKeeperDeps) {
    deps.page.addEventListener('visibilitychange', this.onVisibility);
    this.watch(this.cameraTrack());
  }

  stop(): void {
    this.stopped = true;
    this.deps.page.removeEventListener('visibilitychange', this.onVisibility);
    this.watched?.removeEventListener('ended', this.onEnded);
    this.watched = null;
  }

  /** Resolves when any restore under way has finished (tests and the caller's teardown wait on it). */
  settled(): Promise<void> {
    return this.restoring ?? Promise.resolve();
  }

  private readonly onVisibility = () => {
    if (this.stopped) return;
    if (this.deps.page.visibilityState === 'hidden') this.pauseForBackground();
    else void this.onReturn();
  };

  private readonly onEnded = () => {
    if (this.stopped || this.deps.page.visibilityState === 'hidden') return; // restored on return
    void this.restore();
  };

  private cameraTrack(): MediaStreamTrack | null {
    return this.deps.stream()?.getVideoTracks()[0] ?? null;
  }

  private watch(track: MediaStreamTrack | null): void {
    this.watched?.removeEventListener('ended', this.onEnded);
    this.watched = track;
    track?.addEventListener('ended', this.onEnded);
  }

  private pauseForBackground(): void {
    const producer = this.deps.producer();
    if (!producer || producer.closed || producer.paused || !this.deps.cameraWanted()) return;
    producer.pause();
    this.pausedForBackground = true;
    void this.deps.tellPaused(producer.id, true).catch((error: unknown) => reportProblem('could not tell the camera paused', error));
  }

  private async onReturn(): Promise<void> {
    const track = this.cameraTrack();
    if (track && (track.readyState === 'ended' || track.muted)) await this.restore();
    else await this.resumeIfWanted();
  }

  private restore(): Promise<void> {
    this.restoring ??= this.replaceCamera().finally(() => {
      this.restoring = null;
    });
    return this.restoring;
  }

  private async replaceCamera(): Promise<void> {
    const stream = this.deps.stream();
    const old = this.cameraTrack();
    if (!stream || !old) return;
    // iPad allows one camera capture at a time: let go of the stale one first.
    old.stop();
    let fresh: MediaStreamTrack;
    try {
      fresh = await this.deps.newCameraTrack(old);
    } catch (error) {
      reportProblem('could not restart the camera', error);
      this.deps.onRestoreFailed();
      return;
    }
    if (this.stopped) {
      fresh.stop();
      return;
    }
    fresh.enabled = this.deps.cameraWanted();
    stream.removeTrack(old);
    stream.addTrack(fresh);
    this.watch(fresh);
    const producer = this.deps.producer();
    if (producer && !producer.closed) {
      try {
        await producer.replaceTrack({ track: fresh });
      } catch (error) {
        reportProblem('could not send the restarted camera', error);
        this.deps.onRestoreFailed();
        return;
      }
    }
    await this.resumeIfWanted();
  }

  private async resumeIfWanted(): Promise<void> {
    if (!this.pausedForBackground) return;
    this.pausedForBackground = false;
    const producer = this.deps.producer();
    // Turned off meanwhile: the button already paused it and told the partner so.
    if (!producer || producer.closed || !producer.paused || !this.deps.cameraWanted()) return;
    producer.resume();
    await this.deps.tellPaused(producer.id, false).catch((error: unknown) => reportProblem('could not tell the camera is back', error));
  }
}
