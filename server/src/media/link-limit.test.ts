import { describe, expect, it } from 'vitest';
import { linkHoldsVideoBack } from './link-limit.js';

const sent = (bitrate: number) => ({ type: 'outbound-rtp', bitrate });
const offered = (bitrate: number) => ({ type: 'inbound-rtp', bitrate });

describe('whether the receiving link holds video back', () => {
  it('a layer forwarded whole is not held back by the link, however thin it is (a starved sender)', () => {
    // Seen with the partner on a 150 kbit/s upload: 60 kbit/s offered, 61 forwarded, on a free link.
    expect(linkHoldsVideoBack([[sent(61_000), offered(60_000)]])).toBe(false);
  });

  it('no layer forwarded at all is held back (the estimate fits not even the lowest layer)', () => {
    expect(linkHoldsVideoBack([[sent(36_000)]])).toBe(true);
  });

  it('part of a layer forwarded (temporal layers dropped) is held back', () => {
    expect(linkHoldsVideoBack([[sent(42_000), offered(90_000)]])).toBe(true);
  });

  it('any one consumer held back is enough; none to compare leaves it to the estimate', () => {
    expect(linkHoldsVideoBack([[sent(61_000), offered(60_000)], [sent(3_000), offered(92_000)]])).toBe(true);
    expect(linkHoldsVideoBack([])).toBe(true);
  });
});
