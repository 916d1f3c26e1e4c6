import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceNowMs, followServerClock, now, nowMs, resetServerClock } from './clock';

describe('the clock follows the server', () => {
  afterEach(() => {
    resetServerClock();
    vi.useRealTimers();
  });

  it("reads this device's time shifted by the server's, taking the answer as halfway through the request", () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T19:00:00Z') });
    // The iPad is six days ahead: asked at 19:00:00, answered 200 ms later, the server said 25 Nov 10:20:00.
    followServerClock('2026-11-25T10:20:00Z', deviceNowMs(), deviceNowMs() + 200);
    expect(now().toISOString()).toBe('2026-11-25T10:19:59.900Z');
    vi.advanceTimersByTime(60_000);
    expect(new Date(nowMs()).toISOString()).toBe('2026-11-25T10:20:59.900Z');
  });

  it('ignores an answer without a readable time', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T19:00:00Z') });
    followServerClock(null, deviceNowMs(), deviceNowMs());
    followServerClock('not a time', deviceNowMs(), deviceNowMs());
    expect(now().toISOString()).toBe('2026-12-01T19:00:00.000Z');
  });
});
