import { describe, expect, it } from 'vitest';
import { DOWNGRADE_BELOW_BPS, UPGRADE_AT_BPS, layerForBandwidth } from './video-layer.js';

describe('the simulcast layer a link can take', () => {
  it('lifts the ceiling at an estimate 180p and audio alone can reach, so a receiver is never stuck at 180p', () => {
    expect(UPGRADE_AT_BPS).toBeLessThanOrEqual(1.5 * (150_000 + 40_000));
    expect(DOWNGRADE_BELOW_BPS).toBeLessThan(UPGRADE_AT_BPS);
  });

  it('steps up only with room to try 360p', () => {
    expect(layerForBandwidth(0, UPGRADE_AT_BPS - 1)).toBe(0);
    expect(layerForBandwidth(0, UPGRADE_AT_BPS)).toBe(1);
  });

  it('stays on 360p between the thresholds and steps down below the lower one', () => {
    expect(layerForBandwidth(1, DOWNGRADE_BELOW_BPS)).toBe(1);
    expect(layerForBandwidth(1, DOWNGRADE_BELOW_BPS - 1)).toBe(0);
    expect(layerForBandwidth(0, DOWNGRADE_BELOW_BPS + 20_000)).toBe(0);
  });
});
