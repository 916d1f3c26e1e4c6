import pino, { type Logger } from 'pino';

export type { Logger };

/** Paths that must never reach a log line. */
const redact = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.deviceToken',
  '*.password',
  '*.token',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redact, censor: '[redacted]' }, base: { service: 'peerbridge' } }, destination);
}
