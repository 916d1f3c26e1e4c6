import { describe, expect, it } from 'vitest';
import { DOWNGRADE_BELOW_BPS, UPGRADE_AT_BPS, layerForBandwidth } from './video-layer.js';

describe('the simulcast layer a link can take', () => {
  it('steps up to 360p only with room for it', () => {
    expect(layerForBandwidth(0, UPGRADE_AT_BPS - 1)).toBe(0);
    expect(layerForBandwidth(0, UPGRADE_AT_BPS)).toBe(1);
  });

  it('stays on 360p between the thresholds and steps down below the lower one', () => {
    expect(layerForBandwidth(1, DOWNGRADE_BELOW_BPS)).toBe(1);
    expect(layerForBandwidth(1, DOWNGRADE_BELOW_BPS - 1)).toBe(0);
    expect(layerForBandwidth(0, DOWNGRADE_BELOW_BPS + 50_000)).toBe(0);
  });
});
