import { describe, expect, it } from 'vitest';
import { bothSettled } from './both-settled.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('bothSettled', () => {
  it("answers with the first's value once both are done", async () => {
    const second = gate();
    let settled = false;
    const both = bothSettled(Promise.resolve('media'), second.opened).then((v) => ((settled = true), v));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    second.open();
    await expect(both).resolves.toBe('media');
  });

  it('fails only after the other half has finished too, so nothing of it runs on after the clean-up', async () => {
    const first = gate();
    let failed = false;
    const both = bothSettled(
      first.opened.then(() => 'media'),
      Promise.reject(new Error('log write failed')),
    ).catch((error: unknown) => ((failed = true), error));
    await new Promise((resolve) => setImmediate(resolve));
    expect(failed).toBe(false);
    first.open();
    expect(await both).toMatchObject({ message: 'log write failed' });
  });

  it("names the first half's failure when both fail", async () => {
    await expect(bothSettled(Promise.reject(new Error('media')), Promise.reject(new Error('log')))).rejects.toThrow('media');
  });
});
