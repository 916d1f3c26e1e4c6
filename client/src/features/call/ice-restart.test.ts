import { describe, expect, it } from 'vitest';
import { DISCONNECTED_WAIT_MS, IceRestarter, MAX_ICE_RESTARTS, RESTART_SPACING_MS } from './ice-restart';

/** Timers the test moves by hand. */
function manualTimers() {
  let now = 0;
  let pending: { at: number; run: () => void; id: number }[] = [];
  let next = 0;
  return {
    timers: {
      set: (run: () => void, ms: number) => {
        const id = ++next;
        pending.push({ at: now + ms, run, id });
        return id;
      },
      clear: (handle: unknown) => void (pending = pending.filter((p) => p.id !== handle)),
    },
    async advance(ms: number) {
      now += ms;
      for (;;) {
        const due = pending.filter((p) => p.at <= now).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        pending = pending.filter((p) => p !== due);
        due.run();
        await flush();
      }
      await flush();
    },
  };
}
const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

function restarter(options: { signal?: () => boolean; restart?: (id: string) => Promise<void> } = {}) {
  const clock = manualTimers();
  const asked: string[] = [];
  let gaveUp = 0;
  const r = new IceRestarter({
    restart: async (id) => {
      asked.push(id);
      await options.restart?.(id);
    },
    canSignal: options.signal ?? (() => true),
    giveUp: () => void gaveUp++,
    timers: clock.timers,
  });
  return { r, clock, asked, gaveUp: () => gaveUp };
}

describe('IceRestarter', () => {
  it('waits out a short disconnection that heals by itself', async () => {
    const { r, clock, asked } = restarter();
    r.stateChanged('send', 'connected');
    r.stateChanged('send', 'disconnected');
    await clock.advance(DISCONNECTED_WAIT_MS - 1);
    r.stateChanged('send', 'connected');
    await clock.advance(10_000);
    expect(asked).toEqual([]);
  });

  it('restarts ICE on the same transport when the disconnection lasts, and at once on failure', async () => {
    const { r, clock, asked } = restarter();
    r.stateChanged('send', 'disconnected');
    await clock.advance(DISCONNECTED_WAIT_MS);
    expect(asked).toEqual(['send']);
    r.stateChanged('recv', 'failed');
    await flush();
    expect(asked).toEqual(['send', 'recv']);
    expect(r.restarts).toBe(2);
  });

  it('spaces further restarts while not connected, then gives up after the limit', async () => {
    const { r, clock, asked, gaveUp } = restarter();
    r.stateChanged('recv', 'failed');
    await flush();
    for (const spacing of RESTART_SPACING_MS.slice(0, MAX_ICE_RESTARTS - 1)) {
      await clock.advance(spacing - 1);
      const before = asked.length;
      await clock.advance(1);
      expect(asked.length).toBe(before + 1);
    }
    expect(asked).toHaveLength(MAX_ICE_RESTARTS);
    expect(gaveUp()).toBe(0);
    await clock.advance(RESTART_SPACING_MS[MAX_ICE_RESTARTS - 1]!);
    expect(gaveUp()).toBe(1);
    expect(asked).toHaveLength(MAX_ICE_RESTARTS);
  });

  it('starts counting again once connected', async () => {
    const { r, clock, asked, gaveUp } = restarter();
    r.stateChanged('recv', 'failed');
    await flush();
    await clock.advance(RESTART_SPACING_MS[0]);
    r.stateChanged('recv', 'connected');
    r.stateChanged('recv', 'failed');
    await flush();
    expect(asked).toHaveLength(3);
    expect(gaveUp()).toBe(0);
  });

  it('while the socket is down, waits for it without spending attempts', async () => {
    let up = false;
    const { r, clock, asked } = restarter({ signal: () => up });
    r.stateChanged('send', 'failed');
    await clock.advance(60_000);
    expect(asked).toEqual([]);
    up = true;
    r.signalAvailable();
    await flush();
    expect(asked).toEqual(['send']);
  });

  it('retries a restart the server could not answer', async () => {
    let fail = true;
    const { r, clock, asked } = restarter({
      restart: async () => {
        if (fail) throw new Error('timed out');
      },
    });
    r.stateChanged('send', 'failed');
    await flush();
    fail = false;
    await clock.advance(RESTART_SPACING_MS[0]);
    expect(asked).toEqual(['send', 'send']);
  });

  it('does nothing more once stopped (the join was torn down)', async () => {
    const { r, clock, asked } = restarter();
    r.stateChanged('send', 'disconnected');
    r.stop();
    await clock.advance(60_000);
    r.stateChanged('send', 'failed');
    expect(asked).toEqual([]);
  });
});
