import { useEffect } from 'react';

/**
 * Keeps the iPad screen on during a call; auto-lock mid-sentence would drop
 * the camera. Best effort: browsers without the Wake Lock API simply skip it.
 * The lock is released by the browser when the page is hidden, so it is taken
 * again whenever the page becomes visible.
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active || !('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let cancelled = false;
    const acquire = () => {
      if (document.visibilityState !== 'visible') return;
      navigator.wakeLock.request('screen').then(
        (lock) => {
          if (cancelled) void lock.release();
          else sentinel = lock;
        },
        () => undefined,
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      cancelled = true;
      document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release().catch(() => undefined);
    };
  }, [active]);
}
