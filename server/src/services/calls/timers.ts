/** Timers the call schedules (a session's end, forgetting a drop), passed in so tests can move them. */
export interface Timers {
  after(ms: number, run: () => void): { cancel(): void };
}

/** Real timers that never keep the process alive by themselves. */
export const realTimers: Timers = {
  after(ms, run) {
    const timer = setTimeout(run, Math.max(0, ms));
    timer.unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
