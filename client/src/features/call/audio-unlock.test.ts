import { describe, expect, it } from 'vitest';
import { AudioUnlock, type AudioOutput, type ResumableContext } from './audio-unlock';

function output(withStream = true) {
  const o = {
    paused: true,
    srcObject: (withStream ? {} : null) as MediaProvider | null,
    plays: 0,
    async play() {
      o.plays++;
      o.paused = false;
    },
  };
  return o satisfies AudioOutput;
}

function context() {
  const c = {
    state: 'suspended' as string,
    resumes: 0,
    async resume() {
      c.resumes++;
      c.state = 'running';
    },
  };
  return c satisfies ResumableContext;
}

describe('AudioUnlock', () => {
  it('plays silent remote audio and resumes a suspended context on the first tap, and leaves them be after', async () => {
    const unlock = new AudioUnlock();
    const page = new EventTarget();
    const audio = output();
    const ctx = context();
    unlock.register(audio);
    unlock.registerContext(ctx);
    const stop = unlock.listen(page);
    expect(unlock.waiting).toBe(true);
    page.dispatchEvent(new Event('pointerdown'));
    await Promise.resolve();
    expect([audio.plays, ctx.resumes]).toEqual([1, 1]);
    expect(unlock.waiting).toBe(false);
    page.dispatchEvent(new Event('touchend'));
    expect([audio.plays, ctx.resumes]).toEqual([1, 1]);
    stop();
  });

  it('waits for an element that has something to play, and forgets unregistered ones', () => {
    const unlock = new AudioUnlock();
    const page = new EventTarget();
    const empty = output(false);
    unlock.register(empty);
    unlock.listen(page);
    page.dispatchEvent(new Event('touchend'));
    expect(empty.plays).toBe(0);
    const later = output();
    const unregister = unlock.register(later);
    unregister();
    page.dispatchEvent(new Event('pointerdown'));
    expect(later.plays).toBe(0);
  });

  it('stops listening when told', () => {
    const unlock = new AudioUnlock();
    const page = new EventTarget();
    const audio = output();
    unlock.register(audio);
    unlock.listen(page)();
    page.dispatchEvent(new Event('pointerdown'));
    expect(audio.plays).toBe(0);
  });
});
