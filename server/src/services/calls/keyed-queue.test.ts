import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('KeyedQueue', () => {
  it('runs tasks with the same key one at a time, in order', async () => {
    const queue = new KeyedQueue();
    const events: string[] = [];
    let release!: () => void;
    const first = queue.run('s1', async () => {
      events.push('first started');
      await new Promise<void>((r) => (release = r));
      events.push('first done');
      return 1;
    });
    const second = queue.run('s1', async () => {
      events.push('second started');
      return 2;
    });
    await tick();
    expect(events).toEqual(['first started']);
    release();
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(events).toEqual(['first started', 'first done', 'second started']);
  });

  it('runs tasks with different keys side by side', async () => {
    const queue = new KeyedQueue();
    let release!: () => void;
    const blocked = queue.run('s1', () => new Promise<void>((r) => (release = r)));
    expect(await queue.run('s2', async () => 'other key ran')).toBe('other key ran');
    release();
    await blocked;
  });

  it('goes on after a task fails, and hands the failure to that caller only', async () => {
    const queue = new KeyedQueue();
    const failing = queue.run('s1', async () => {
      throw new Error('room could not be created');
    });
    const next = queue.run('s1', async () => 'next ran');
    await expect(failing).rejects.toThrow('room could not be created');
    expect(await next).toBe('next ran');
  });

  it("hands a detached task's failure to its handler, never to the process, and goes on", async () => {
    const queue = new KeyedQueue();
    const failures: unknown[] = [];
    queue.runDetached('s1', async () => Promise.reject(new Error('database closed')), (err) => failures.push(err));
    expect(await queue.run('s1', async () => 'next ran')).toBe('next ran');
    await tick();
    expect(failures).toEqual([new Error('database closed')]);
  });

  it('forgets a key once its queue is empty, so finished sessions hold no memory', async () => {
    const queue = new KeyedQueue();
    await queue.run('s1', async () => undefined);
    await tick();
    expect(queue.busyKeys).toBe(0);
  });
});
