/** The part of the Wake Lock API used here (absent on older iPadOS). */
export interface WakeLockApi {
  request(type: 'screen'): Promise<Pick<WakeLockSentinel, 'release'>>;
}

/**
 * Keeps the screen on until the returned function is called. The browser releases the lock
 * whenever the page is hidden (the iPad app goes to the background), so it is requested again
 * each time the page is visible. Best effort: a refused request is not retried until then.
 */
export function keepScreenAwake(
  wakeLock: WakeLockApi | undefined,
  page: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>,
): () => void {
  if (!wakeLock) return () => undefined;
  let sentinel: Pick<WakeLockSentinel, 'release'> | null = null;
  let stopped = false;
  const acquire = () => {
    if (page.visibilityState !== 'visible') return;
    wakeLock.request('screen').then(
      (lock) => {
        if (stopped) void lock.release().catch(() => undefined);
        else sentinel = lock;
      },
      () => undefined,
    );
  };
  acquire();
  page.addEventListener('visibilitychange', acquire);
  return () => {
    stopped = true;
    page.removeEventListener('visibilitychange', acquire);
    void sentinel?.release().catch(() => undefined);
  };
}
