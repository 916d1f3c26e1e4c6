import { describe, expect, it } from 'vitest';
import { levelFromRms, rms, roundLevel, smoothLevel } from './mic-level';

describe('microphone level', () => {
  it('is zero for silence', () => {
    expect(rms(new Float32Array(256))).toBe(0);
    expect(levelFromRms(0)).toBe(0);
  });

  it('measures a full-scale square wave as full level', () => {
    const square = Float32Array.from({ length: 256 }, (_, i) => (i % 2 ? 1 : -1));
    expect(rms(square)).toBeCloseTo(1);
    expect(levelFromRms(rms(square))).toBeCloseTo(1);
  });

  it('puts -30 dBFS (ordinary speech) mid-meter', () => {
    expect(levelFromRms(10 ** (-30 / 20))).toBeCloseTo(0.5);
    expect(levelFromRms(10 ** (-80 / 20))).toBe(0);
  });

  it('rises at once and falls gently', () => {
    expect(smoothLevel(0.2, 0.8)).toBe(0.8);
    expect(smoothLevel(0.8, 0)).toBeCloseTo(0.736);
  });

  it('rounds to two decimals within 0..1', () => {
    expect(roundLevel(0.12345)).toBe(0.12);
    expect(roundLevel(1.4)).toBe(1);
    expect(roundLevel(-0.1)).toBe(0);
  });
});
