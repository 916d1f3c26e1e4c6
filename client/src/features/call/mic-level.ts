/*
 * Microphone level for the pre-join meter: pure maths, so it is testable and
 * the component only deals with Web Audio plumbing.
 */

/** Root mean square of time-domain samples in [-1, 1]. */
export function rms(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] ?? 0;
    sum += s * s;
  }
  return Math.sqrt(sum / samples.length);
}

const FLOOR_DB = -60;

/**
 * Maps loudness to 0..1 on a decibel scale (−60 dBFS → 0, 0 dBFS → 1). Ears
 * hear logarithmically, so normal speech lands mid-meter instead of near zero.
 */
export function levelFromRms(value: number): number {
  if (value <= 0) return 0;
  const db = 20 * Math.log10(value);
  return Math.min(1, Math.max(0, (db - FLOOR_DB) / -FLOOR_DB));
}

/** Rises instantly, falls gently: a meter that flickers looks broken. */
export function smoothLevel(previous: number, next: number, decay = 0.92): number {
  return Math.max(next, previous * decay);
}

export function roundLevel(level: number): number {
  return Math.round(Math.min(1, Math.max(0, level)) * 100) / 100;
}
