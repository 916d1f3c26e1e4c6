import { describe, expect, it } from 'vitest';
import {
  defaultAudioFirstSettings as s,
  initialAudioFirstState,
  onBandwidth,
  onTick,
  videoHeldBack,
  type AudioFirstAction,
  type AudioFirstState,
} from './audio-first.js';

type Input = { bps: number; at: number; loss?: number } | { tick: number };

/** Feeds readings and ticks in order; returns the actions taken and the final state. */
function run(inputs: Input[], from: AudioFirstState = initialAudioFirstState) {
  let state = from;
  let lastBps = 0;
  const actions: (AudioFirstAction & { at: number })[] = [];
  for (const input of inputs) {
    const at = 'tick' in input ? input.tick : input.at;
    const step = 'tick' in input ? onTick(state, input.tick, lastBps) : onBandwidth(state, input.bps, input.at, s, input.loss ?? 0);
    if ('bps' in input) lastBps = input.bps;
    state = step.state;
    if (step.action) actions.push({ ...step.action, at });
  }
  return { state, actions };
}

const every = (fromMs: number, toMs: number, stepMs: number, bps: number): Input[] =>
  Array.from({ length: Math.floor((toMs - fromMs) / stepMs) + 1 }, (_, i) => ({ bps, at: fromMs + i * stepMs }));

describe('audio first', () => {
  it('keeps video through a short dip below the pause threshold', () => {
    const { actions, state } = run([...every(0, 2_000, 500, 120_000), { bps: 400_000, at: 2_500 }, ...every(3_000, 5_000, 500, 120_000)]);
    expect(actions).toEqual([]);
    expect(videoHeldBack(state)).toBe(false);
  });

  it('pauses video once the estimate has stayed low for the pause delay, with the figure', () => {
    const { actions, state } = run(every(0, 4_000, 500, 140_000));
    expect(actions).toEqual([{ kind: 'pause', bps: 140_000, at: s.pauseAfterMs }]);
    expect(videoHeldBack(state)).toBe(true);
  });

  it('does not pause when the estimate is low because of random loss the receiver reports', () => {
    let state = initialAudioFirstState;
    const actions = [];
    for (let at = 0; at <= 10_000; at += 500) {
      const step = onBandwidth(state, 80_000, at, s, 0.08);
      state = step.state;
      if (step.action) actions.push(step.action);
    }
    expect(actions).toEqual([]);
    // The same estimate with the loss gone (a full link, not a lossy one) pauses after the delay.
    for (let at = 10_500; at <= 13_500; at += 500) {
      const step = onBandwidth(state, 80_000, at, s, 0.01);
      state = step.state;
      if (step.action) actions.push(step.action);
    }
    expect(actions).toEqual([{ kind: 'pause', bps: 80_000 }]);
  });

  it('does not pause a receiver whose link forwards all the sender offers, however low its estimate (a starved sender)', () => {
    let state = initialAudioFirstState;
    const actions = [];
    for (let at = 0; at <= 10_000; at += 500) {
      const step = onBandwidth(state, 80_000, at, s, 0, false);
      state = step.state;
      if (step.action) actions.push(step.action);
    }
    expect(actions).toEqual([]);
    // Once the link is what holds the video back, the same estimate pauses after the delay.
    for (let at = 10_500; at <= 13_500; at += 500) {
      const step = onBandwidth(state, 80_000, at, s, 0, true);
      state = step.state;
      if (step.action) actions.push(step.action);
    }
    expect(actions).toEqual([{ kind: 'pause', bps: 80_000 }]);
  });

  it('does not resume on audio-only readings, however high: only a trial can show room', () => {
    const paused = run(every(0, 3_000, 500, 100_000)).state;
    const { actions } = run(every(3_500, 20_000, 500, 900_000), paused);
    expect(actions).toEqual([]);
  });

  it('runs a trial when one is due and resumes when the trial holds the higher threshold', () => {
    const paused = run(every(0, 3_000, 500, 100_000)).state;
    const trialAt = 3_000 + s.trialEveryMs;
    const { actions, state } = run([{ tick: trialAt - 1 }, { tick: trialAt }, ...every(trialAt + 500, trialAt + 3_000, 500, 300_000)], paused);
    expect(actions.map((a) => a.kind)).toEqual(['trial', 'resume']);
    expect(actions[1]).toMatchObject({ bps: 300_000, at: trialAt + 500 + s.resumeAfterMs });
    expect(state).toEqual({ kind: 'flowing', lowSinceMs: null });
  });

  it('resumes on a trial whose estimate holds about what the trial itself sends, with no loss (a free link under load)', () => {
    const paused = run(every(0, 3_000, 500, 100_000)).state;
    const t = 3_000 + s.trialEveryMs;
    // Seen on a free link on a busy machine: 188 kbit/s, read once a second, for the whole trial.
    const { actions } = run([{ tick: t }, ...every(t + 1_170, t + 3_170, 1_000, 188_000)], paused);
    expect(actions).toEqual([
      { kind: 'trial', at: t },
      { kind: 'resume', bps: 188_000, at: t + 3_170 },
    ]);
  });

  it("does not count readings from a trial's first burst towards resuming", () => {
    const paused = run(every(0, 3_000, 500, 100_000)).state;
    const t = 3_000 + s.trialEveryMs;
    // A capped link's shaper lets the first burst through: high and clean at first, then it falls.
    const capped = run([{ tick: t }, { bps: 506_000, at: t + 70 }, { bps: 208_000, at: t + 290 }, { bps: 226_000, at: t + 1_290 }, { bps: 163_000, at: t + 2_290 }, { bps: 99_000, at: t + 3_390, loss: 0.24 }], paused);
    expect(capped.actions.map((a) => a.kind)).toEqual(['trial', 'trial-failed']);
    // On a free link the streak counts from the end of the burst, so it resumes resumeAfterMs later.
    const free = run([{ tick: t }, ...every(t + 100, t + 2_500, 100, 300_000)], paused);
    expect(free.actions[1]).toEqual({ kind: 'resume', bps: 300_000, at: t + s.trialBurstMs + s.resumeAfterMs });
  });

  it('a reading between the thresholds neither resumes nor fails a trial until it runs out', () => {
    const paused = run(every(0, 3_000, 500, 100_000)).state;
    const trialAt = 3_000 + s.trialEveryMs;
    const { actions, state } = run([{ tick: trialAt }, ...every(trialAt + 500, trialAt + 3_500, 500, 180_000), { tick: trialAt + s.trialLastsMs }], paused);
    expect(actions.map((a) => a.kind)).toEqual(['trial', 'trial-failed']);
    expect(state).toMatchObject({ kind: 'paused', nextTrialAtMs: trialAt + s.trialLastsMs + s.trialEveryMs });
  });

  it('ends a trial early when the link is still too weak once it has settled, and tries again later', () => {
    const paused = run(every(0, 3_000, 500, 100_000)).state;
    const trialAt = 3_000 + s.trialEveryMs;
    const early = trialAt + s.trialGraceMs - 500;
    const settled = trialAt + s.trialGraceMs;
    const { actions, state } = run([{ tick: trialAt }, { bps: 90_000, at: early }, { bps: 90_000, at: settled }], paused);
    expect(actions).toEqual([
      { kind: 'trial', at: trialAt },
      { kind: 'trial-failed', bps: 90_000, at: settled },
    ]);
    expect(run([{ tick: settled + s.trialEveryMs }], state).actions).toEqual([{ kind: 'trial', at: settled + s.trialEveryMs }]);
  });

  it('a trial that dips resets its high streak', () => {
    const paused = run(every(0, 3_000, 500, 100_000)).state;
    const t = 3_000 + s.trialEveryMs;
    const { actions } = run([{ tick: t }, { bps: 300_000, at: t + 200 }, { bps: 180_000, at: t + 1_000 }, { bps: 300_000, at: t + 1_200 }, { bps: 300_000, at: t + 1_600 }, { bps: 300_000, at: t + 1_900 }], paused);
    expect(actions.map((a) => a.kind)).toEqual(['trial']);
  });

  it("does not resume on a trial whose high estimate comes with reported loss (a shaper's burst, not room)", () => {
    const paused = run(every(0, 3_000, 500, 100_000)).state;
    const t = 3_000 + s.trialEveryMs;
    // 370 kbit/s estimated, but the receiver reports 12 % lost every second: the link is overflowing.
    const readings: Input[] = every(t + 250, t + 3_750, 250, 370_000).map((r, i) => ({ ...r, loss: i % 4 === 3 ? 0.12 : 0 }));
    const { actions } = run([{ tick: t }, ...readings, { tick: t + s.trialLastsMs }], paused);
    expect(actions.map((a) => a.kind)).toEqual(['trial', 'trial-failed']);
    // The same estimate without loss is room: video comes back.
    const clean = run([{ tick: t }, ...every(t + 250, t + 3_750, 250, 370_000)], paused);
    expect(clean.actions.map((a) => a.kind)).toEqual(['trial', 'resume']);
  });
});
