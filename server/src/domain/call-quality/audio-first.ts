/*
 * Audio first: when a receiver's link cannot carry video, its video is paused
 * on the server and its audio kept; when the link has room again, video comes
 * back. Pure: the call layer feeds it bandwidth readings and clock ticks (in
 * milliseconds) and carries out what it answers.
 *
 * Hysteresis keeps it from flapping: pausing needs the estimate below
 * `pauseBelowBps` for `pauseAfterMs`; resuming needs it at or above the higher
 * `resumeAtBps` for `resumeAfterMs`.
 *
 * While video is paused the link carries audio alone, and a bandwidth
 * estimator does not climb far above what it carries, so waiting for the
 * estimate to come back by itself could wait for ever. Instead, every
 * `trialEveryMs` the policy asks for a trial: video resumed at its lowest
 * layer, which gives the estimator traffic to measure. A trial that reaches
 * the resume threshold becomes the resumption; one that does not within
 * `trialLastsMs` (or falls below the pause threshold once it has had
 * `trialGraceMs` to settle) pauses video again.
 */

export interface AudioFirstSettings {
  pauseBelowBps: number;
  /**
   * Random loss (Wi-Fi interference) drives the estimator's loss-based part down
   * without the link being short of capacity; pausing video would not help the
   * voice there (FEC and retransmissions do). A low estimate counts only while the
   * receiver reports less loss than this (a full link shows as delay, not loss,
   * once the estimator has settled on it).
   */
  lossLimitedAbove: number;
  /** A trial reading with more loss than this is a link overflowing with the lowest layer, not room (see `onBandwidth`). */
  trialLossAbove: number;
  /** Readings this soon after a trial starts do not count towards resuming (see `onBandwidth`). */
  trialBurstMs: number;
  pauseAfterMs: number;
  resumeAtBps: number;
  resumeAfterMs: number;
  trialEveryMs: number;
  trialLastsMs: number;
  trialGraceMs: number;
}

/**
 * The 180p layer is sent at up to 150 kbit/s and audio with its overhead takes
 * about 40: below 160 kbit/s for seconds on end even the lowest video layer
 * crowds out the voice. (A healthy link on a busy machine was seen dipping to
 * ~210 kbit/s for a few seconds: the pause threshold stays clear of that.)
 * A trial sends 180p and audio (about 190 kbit/s). An estimator with only that to measure reads
 * about what it carries, no more: on a free link it was seen holding 188–195 kbit/s for a whole
 * trial on a busy machine (and climbing to 1.5 times it on a quiet one). So 185 kbit/s held for
 * 1.5 s, with no heavy loss reported meanwhile (receivers report about once a second), is a link
 * that carries the lowest layer. On a capped link the trial overflows the queue: within about two
 * seconds the estimate falls under the pause threshold and the receiver reports the loss.
 */
export const defaultAudioFirstSettings: AudioFirstSettings = {
  pauseBelowBps: 160_000,
  lossLimitedAbove: 0.03,
  trialLossAbove: 0.1,
  trialBurstMs: 500,
  pauseAfterMs: 3_000,
  resumeAtBps: 185_000,
  resumeAfterMs: 1_500,
  trialEveryMs: 3_000,
  trialLastsMs: 4_000,
  trialGraceMs: 1_500,
};

export type AudioFirstState =
  | { kind: 'flowing'; lowSinceMs: number | null }
  | { kind: 'paused'; sinceMs: number; nextTrialAtMs: number }
  | { kind: 'trial'; startedAtMs: number; highSinceMs: number | null };

/** What the call layer does: pause video, start a trial (video on at the lowest layer), end a trial, or confirm video is back. */
export type AudioFirstAction =
  | { kind: 'pause'; bps: number }
  | { kind: 'trial' }
  | { kind: 'trial-failed'; bps: number }
  | { kind: 'resume'; bps: number };

export interface AudioFirstStep {
  state: AudioFirstState;
  action: AudioFirstAction | null;
}

export const initialAudioFirstState: AudioFirstState = { kind: 'flowing', lowSinceMs: null };

/**
 * A bandwidth estimate for the receiver's link, `bps` bits per second, read at
 * `atMs`, with the share of packets the receiver last reported lost (0–1), and
 * whether the link is what keeps its video below what the sender offers (false
 * when the sender itself offers little, for example from a slow upload: an
 * estimate sits low on a free link that has little to carry, and pausing that
 * receiver's video would not help its voice).
 */
export function onBandwidth(state: AudioFirstState, bps: number, atMs: number, settings = defaultAudioFirstSettings, loss = 0, linkLimited = true): AudioFirstStep {
  switch (state.kind) {
    case 'flowing': {
      if (bps >= settings.pauseBelowBps || loss > settings.lossLimitedAbove || !linkLimited) return stay({ kind: 'flowing', lowSinceMs: null });
      const lowSinceMs = state.lowSinceMs ?? atMs;
      if (atMs - lowSinceMs >= settings.pauseAfterMs) {
        return { state: pausedAt(atMs, settings), action: { kind: 'pause', bps } };
      }
      return stay({ kind: 'flowing', lowSinceMs });
    }
    case 'paused':
      // Audio alone cannot show the link has room; only a trial can.
      return stay(state);
    case 'trial': {
      // A capped link lets a trial's first burst through (the shaper's bucket was full while audio
      // trickled), which can lift the estimate far above what the link carries: seen at 370 kbit/s on
      // a 150 kbit/s link. The receiver then reports the overflow as heavy loss (190 kbit/s into 150
      // loses a fifth), so such a reading does not count towards resuming; the few percent a link
      // just freed may still lose do not hold video back. Nor do the readings of the burst itself,
      // before the link's queue has had time to fill: a shaper's burst reads high with no loss yet.
      const pastBurst = atMs - state.startedAtMs >= settings.trialBurstMs;
      if (pastBurst && bps >= settings.resumeAtBps && loss <= settings.trialLossAbove) {
        const highSinceMs = state.highSinceMs ?? atMs;
        if (atMs - highSinceMs >= settings.resumeAfterMs) {
          return { state: { kind: 'flowing', lowSinceMs: null }, action: { kind: 'resume', bps } };
        }
        return stay({ ...state, highSinceMs });
      }
      const settled = atMs - state.startedAtMs >= settings.trialGraceMs;
      if (settled && bps < settings.pauseBelowBps) {
        return { state: pausedAt(atMs, settings), action: { kind: 'trial-failed', bps } };
      }
      return stay({ ...state, highSinceMs: null });
    }
  }
}

/** Time passing without a reading: starts a due trial, ends one that ran out. */
export function onTick(state: AudioFirstState, atMs: number, lastBps: number, settings = defaultAudioFirstSettings): AudioFirstStep {
  if (state.kind === 'paused' && atMs >= state.nextTrialAtMs) {
    return { state: { kind: 'trial', startedAtMs: atMs, highSinceMs: null }, action: { kind: 'trial' } };
  }
  if (state.kind === 'trial' && atMs - state.startedAtMs >= settings.trialLastsMs) {
    return { state: pausedAt(atMs, settings), action: { kind: 'trial-failed', bps: lastBps } };
  }
  return stay(state);
}

/** Whether the receiver should be showing "video paused" (a trial is not yet video back). */
export function videoHeldBack(state: AudioFirstState): boolean {
  return state.kind !== 'flowing';
}

function pausedAt(atMs: number, settings: AudioFirstSettings): AudioFirstState {
  return { kind: 'paused', sinceMs: atMs, nextTrialAtMs: atMs + settings.trialEveryMs };
}

function stay(state: AudioFirstState): AudioFirstStep {
  return { state, action: null };
}
