import { useEffect, useRef } from 'react';

/** Long enough to read a log carefully; short enough that a laptop left open in a classroom locks itself. */
export const STAFF_IDLE_LIMIT_MS = 15 * 60_000;

const CHECK_EVERY_MS = 30_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Calls `onIdle` once after `limitMs` without a tap, click or key. Staff
 * pages show children's records, often on shared school laptops and iPads.
 * Compares wall-clock times rather than trusting one long timer, because a
 * sleeping iPad or a background tab pauses timers.
 */
export function useIdleSignOut(
  onIdle: () => void,
  limitMs: number = STAFF_IDLE_LIMIT_MS,
  options: { paused?: boolean } = {},
): void {
  const onIdleRef = useRef(onIdle);
  // Watching a live session is using the page, without a tap for many minutes.
  const pausedRef = useRef(options.paused ?? false);
  useEffect(() => {
    onIdleRef.current = onIdle;
    pausedRef.current = options.paused ?? false;
  });

  useEffect(() => {
    let lastActivity = performance.now();
    let fired = false;
    const touch = () => {
      lastActivity = performance.now();
    };
    const check = () => {
      if (pausedRef.current) lastActivity = performance.now();
      if (fired || performance.now() - lastActivity < limitMs) return;
      fired = true;
      onIdleRef.current();
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') check();
    };
    const timer = setInterval(check, Math.min(CHECK_EVERY_MS, limitMs));
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, touch, { passive: true });
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, touch);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [limitMs]);
}
