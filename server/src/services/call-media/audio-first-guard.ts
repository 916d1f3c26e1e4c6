import type { Logger } from 'pino';
import {
  defaultAudioFirstSettings,
  initialAudioFirstState,
  onBandwidth,
  onTick,
  type AudioFirstAction,
  type AudioFirstSettings,
  type AudioFirstState,
  type AudioFirstStep,
} from '../../domain/call-quality/audio-first.js';
import type { Clock } from '../../domain/time/clock.js';
import type { Timers } from '../calls/timers.js';
import type { LiveRegistry } from '../live-registry/live-registry.js';
import type { LiveSession, Participant } from '../live-registry/live-session.js';
import type { RealtimeSink } from '../notifications/realtime-sink.js';
import type { SessionTimeline } from '../session-timeline/session-timeline.js';

/** How often a receiver whose video is held back is looked at (for trials), between bandwidth readings. */
const TICK_MS = 500;

interface Watched {
  session: LiveSession;
  participant: Participant;
  state: AudioFirstState;
  lastBps: number;
  /** Actions run one after another, in the order the policy decided them. */
  chain: Promise<void>;
  ticking: { cancel(): void } | undefined;
}

/**
 * Audio first for everyone receiving in a call: follows each receiver's own
 * bandwidth estimate through the audio-first policy and carries out what it
 * decides on that receiver's video alone (each receiver is independent: an
 * observer on a weak link never costs the students their video). A pause and
 * a recovery are written to the session log, then the receiver is told.
 */
export class AudioFirstGuard {
  private readonly watched = new Map<string, Watched>();

  constructor(
    private readonly deps: {
      registry: Pick<LiveRegistry, 'find'>;
      timeline: Pick<SessionTimeline, 'videoHeldForBandwidth'>;
      sink: RealtimeSink;
      clock: Clock;
      timers: Timers;
      log: Logger;
      settings?: AudioFirstSettings;
    },
  ) {}

  /** Receivers being followed right now (tests check none outlives its call). */
  get size(): number {
    return this.watched.size;
  }

  /** Starts following a participant who has just been registered in `session`. */
  watch(session: LiveSession, participant: Participant): void {
    const entry: Watched = { session, participant, state: initialAudioFirstState, lastBps: 0, chain: Promise.resolve(), ticking: undefined };
    this.watched.set(participant.connectionId, entry);
    participant.peer.onBandwidth(({ availableBps: bps, loss, linkLimited }) => {
      // No estimate yet (or any more) is not a weak link.
      if (bps <= 0 || !this.current(entry)) return;
      entry.lastBps = bps;
      this.deps.log.debug({ participantId: entry.participant.id, availableBps: bps, loss, linkLimited, audioFirst: entry.state.kind }, 'BandwidthReading');
      // A link carrying no video (the partner's camera is off) says nothing about whether video fits.
      if (entry.state.kind === 'flowing' && !entry.participant.peer.receivesVideo()) {
        entry.state = initialAudioFirstState;
        return;
      }
      this.apply(entry, onBandwidth(entry.state, bps, this.nowMs(), this.settings, loss, linkLimited));
    });
  }

  /** Stops following a participant who has left (their peer is closed with them). */
  forget(connectionId: string): void {
    this.watched.get(connectionId)?.ticking?.cancel();
    this.watched.delete(connectionId);
  }

  private get settings(): AudioFirstSettings {
    return this.deps.settings ?? defaultAudioFirstSettings;
  }

  private nowMs(): number {
    return this.deps.clock.now().epochMilliseconds;
  }

  private current(entry: Watched): boolean {
    const alive = this.watched.get(entry.participant.connectionId) === entry && this.deps.registry.find(entry.participant.connectionId)?.participant === entry.participant;
    if (!alive && this.watched.get(entry.participant.connectionId) === entry) this.forget(entry.participant.connectionId);
    return alive;
  }

  private apply(entry: Watched, step: AudioFirstStep): void {
    entry.state = step.state;
    const action = step.action;
    if (action) entry.chain = entry.chain.then(() => this.carryOut(entry, action)).catch((err: unknown) => this.deps.log.error({ err, participantId: entry.participant.id }, 'AudioFirstActionFailed'));
    this.keepTicking(entry);
  }

  /** Trials start and run out with time, not only with readings: tick while video is held back. */
  private keepTicking(entry: Watched): void {
    if (entry.state.kind === 'flowing') {
      entry.ticking?.cancel();
      entry.ticking = undefined;
      return;
    }
    if (entry.ticking) return;
    entry.ticking = this.deps.timers.after(TICK_MS, () => {
      entry.ticking = undefined;
      if (!this.current(entry)) return;
      this.apply(entry, onTick(entry.state, this.nowMs(), entry.lastBps, this.settings));
    });
  }

  private async carryOut(entry: Watched, action: AudioFirstAction): Promise<void> {
    if (!this.current(entry)) return;
    const { session, participant } = entry;
    const sessionId = session.record.id;
    const where = { sessionId, participantId: participant.id, receiver: participant.kind };
    switch (action.kind) {
      case 'pause':
        await participant.peer.setVideoHeldForBandwidth(true);
        await this.record(entry, true, action.bps);
        this.deps.log.info({ ...where, availableBps: action.bps }, 'VideoPausedForBandwidth');
        return;
      case 'trial':
        await participant.peer.setVideoHeldForBandwidth(false, { lowestLayerOnly: true });
        this.deps.log.debug(where, 'VideoBandwidthTrialStarted');
        return;
      case 'trial-failed':
        await participant.peer.setVideoHeldForBandwidth(true);
        this.deps.log.debug({ ...where, availableBps: action.bps }, 'VideoBandwidthTrialFailed');
        return;
      case 'resume':
        // The trial already let video through; now it is for good, and the receiver is told.
        await participant.peer.setVideoHeldForBandwidth(false);
        await this.record(entry, false, action.bps);
        this.deps.log.info({ ...where, availableBps: action.bps }, 'VideoResumedForBandwidth');
        return;
    }
  }

  private async record(entry: Watched, paused: boolean, bps: number): Promise<void> {
    const { session, participant } = entry;
    const availableKbps = Math.max(0, Math.round(bps / 1000));
    await this.deps.timeline.videoHeldForBandwidth(session.record.id, { id: participant.id, deviceId: participant.deviceId, kind: participant.kind }, { paused, availableKbps });
    if (this.current(entry)) this.deps.sink.send(participant.connectionId, 'media:video-paused-for-bandwidth', { paused, availableKbps });
  }
}
