import pino, { type Logger } from 'pino';
import { scrubValue } from './scrub.js';

export type { Logger };

/**
 * Every line is scrubbed just before it is written (see scrub.ts), after
 * serializers, child bindings and messages have all been merged into it, so
 * no caller can log a secret by passing it somewhere unexpected.
 */
function scrubLine(line: string): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    // pino only writes JSON; anything else is not ours to pass on unread.
    return `${JSON.stringify({ level: 50, msg: 'LogLineUnreadable' })}\n`;
  }
  return `${JSON.stringify(scrubValue(record))}\n`;
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'peerbridge' },
      hooks: { streamWrite: scrubLine },
    },
    destination,
  );
}
