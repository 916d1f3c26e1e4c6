import { describe, expect, it } from 'vitest';
import { keepScreenAwake, type WakeLockApi } from './wake-lock';

class FakePage extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
  go(state: DocumentVisibilityState) {
    this.visibilityState = state;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

function fakeWakeLock() {
  const api = {
    requests: 0,
    releases: 0,
    request: async () => {
      api.requests++;
      return { release: async () => void api.releases++ };
    },
  };
  return api satisfies WakeLockApi;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keepScreenAwake', () => {
  it('takes the lock at once and again each time the page comes back from the background', async () => {
    const page = new FakePage();
    const lock = fakeWakeLock();
    const stop = keepScreenAwake(lock, page as unknown as Document);
    expect(lock.requests).toBe(1);
    page.go('hidden');
    expect(lock.requests).toBe(1);
    page.go('visible');
    expect(lock.requests).toBe(2);
    await settle();
    stop();
    await settle();
    expect(lock.releases).toBe(1);
    page.go('hidden');
    page.go('visible');
    expect(lock.requests).toBe(2);
  });

  it('does not ask while hidden, and releases a lock granted after it was stopped', async () => {
    const page = new FakePage();
    page.visibilityState = 'hidden';
    const lock = fakeWakeLock();
    const stop = keepScreenAwake(lock, page as unknown as Document);
    expect(lock.requests).toBe(0);
    page.go('visible');
    stop();
    await settle();
    expect(lock.releases).toBe(1);
  });

  it('does nothing without the Wake Lock API', () => {
    expect(() => keepScreenAwake(undefined, new FakePage() as unknown as Document)()).not.toThrow();
  });
});
