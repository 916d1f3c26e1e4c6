import { describe, expect, it } from 'vitest';
import { capturingLogger } from '../../test-support/log-capture.js';
import { Cleanups, withinBudget } from './stop-budget.js';

const never = () => new Promise<void>(() => {});

describe('a stop step within its budget', () => {
  it('says whether the work settled in time, failures included', async () => {
    expect(await withinBudget(Promise.resolve(), 50)).toBe('done');
    expect(await withinBudget(Promise.reject(new Error('broken')).catch(() => {}), 50)).toBe('done');
    expect(await withinBudget(never(), 20)).toBe('overran');
  });
});

describe('cleanups at a stop', () => {
  it('run newest first, each once, even when one fails or never finishes, and log which', async () => {
    const { log, lines } = capturingLogger();
    const cleanups = new Cleanups(log);
    const ran: string[] = [];
    const steps: string[] = [];
    cleanups.add('database', async () => void ran.push('database'), { waitFully: true });
    cleanups.add('email', () => {
      ran.push('email');
      return never();
    });
    cleanups.add('media', () => {
      ran.push('media');
      throw new Error('worker gone');
    });
    cleanups.add('sweep', () => void ran.push('sweep'));

    await cleanups.runAll((name) => steps.push(name), 30);
    expect(ran).toEqual(['sweep', 'media', 'email', 'database']);
    expect(steps).toEqual(ran);
    expect(lines.filter((l) => l.msg === 'CleanupFailed').map((l) => l.cleanup)).toEqual(['media']);
    expect(lines.filter((l) => l.msg === 'ShutdownStepOverran').map((l) => l.step)).toEqual(['stopping email']);

    // Run once: a second stop (or a failed start after a stop) does not undo anything twice.
    await cleanups.runAll();
    expect(ran).toHaveLength(4);
  });

  it('wait for the database however long it takes, since closing it half-way would lose writes', async () => {
    const { log, lines } = capturingLogger();
    const cleanups = new Cleanups(log);
    let closed = false;
    cleanups.add('database', () => new Promise<void>((r) => setTimeout(() => r(void (closed = true)), 80)), { waitFully: true });
    await cleanups.runAll(undefined, 10);
    expect(closed).toBe(true);
    expect(lines.some((l) => l.msg === 'ShutdownStepOverran')).toBe(false);
  });
});
