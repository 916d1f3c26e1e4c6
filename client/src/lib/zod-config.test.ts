import { describe, expect, it } from 'vitest';
import './zod-config';

describe('zod config', () => {
  it('is jitless in zod once zod loads after it, with no eval probe', async () => {
    const { z } = await import('zod');
    expect(z.config().jitless).toBe(true);
    // A schema built now would have probed eval (and the CSP would report it) without the config.
    const probes: string[] = [];
    const RealFunction = globalThis.Function;
    globalThis.Function = new Proxy(RealFunction, {
      construct(target, args: string[]) {
        probes.push(args.join());
        return Reflect.construct(target, args);
      },
    });
    try {
      expect(z.object({ a: z.string() }).parse({ a: 'x' })).toEqual({ a: 'x' });
    } finally {
      globalThis.Function = RealFunction;
    }
    expect(probes).toEqual([]);
  });
});
