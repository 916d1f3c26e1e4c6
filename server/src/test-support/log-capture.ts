import { Writable } from 'node:stream';
import type { Logger } from 'pino';
import { createLogger } from '../infra/log/logger.js';

/** The server's own logger (scrubbing included), writing to lines a test can read back. */
export function capturingLogger(level = 'debug'): { log: Logger; lines: Record<string, unknown>[]; text: () => string } {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { log: createLogger(level, sink), lines, text: () => raw.join('\n') };
}
