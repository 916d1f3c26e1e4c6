import { useEffect } from 'react';
import { keepScreenAwake } from './wake-lock';

/**
 * Keeps the iPad screen on during a call; auto-lock mid-sentence would drop
 * the camera. Taken again whenever the page comes back (see keepScreenAwake).
 */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    return keepScreenAwake('wakeLock' in navigator ? navigator.wakeLock : undefined, document);
  }, [active]);
}
