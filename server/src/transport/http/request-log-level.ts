import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LevelWithSilent, Logger } from 'pino';
import { deviceSessionEndpoints } from '@peerbridge/shared';

/** Probes, answered many times a minute and never worth a line, whatever they answer. */
const UNLOGGED = new Set(['/healthz', '/readyz']);

/**
 * The level each answered request is logged at: info, except an iPad's routine poll. Every school
 * iPad asks for its day every 30 seconds, so those answers (2xx, a 304 for an unchanged day) would
 * be most of the log (a thousand iPads: 33 lines a second) and a tenth of each answer's work: they
 * are logged at debug (as the probes are not logged at all). A refused or failed poll stays at info.
 */
export function requestLogLevel(log: Logger) {
  return (req: IncomingMessage, res: ServerResponse, err?: Error): LevelWithSilent => {
    if (err || res.statusCode >= 400) return 'info';
    const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
    if (url.split('?')[0] !== deviceSessionEndpoints.today.path) return 'info';
    return log.isLevelEnabled('debug') ? 'debug' : 'silent';
  };
}

/** pino-http's options for which requests are logged, and at what level. */
export function requestLogging(log: Logger) {
  return { autoLogging: { ignore: (req: IncomingMessage) => UNLOGGED.has(req.url ?? '') }, customLogLevel: requestLogLevel(log) };
}
