import { useEffect, useRef } from 'react';

/**
 * Calls `run` every `intervalMs` while the page is visible, and once more as
 * soon as it becomes visible again (a laptop lid opened, a tab switched back),
 * so what is "live" on screen is never more than one interval old.
 */
export function usePolling(run: () => void, intervalMs: number, enabled = true): void {
  const runRef = useRef(run);
  useEffect(() => {
    runRef.current = run;
  });

  useEffect(() => {
    if (!enabled) return;
    const tick = () => {
      if (document.visibilityState !== 'hidden') runRef.current();
    };
    const timer = setInterval(tick, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === 'visible') runRef.current();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs, enabled]);
}
