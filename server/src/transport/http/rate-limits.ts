import rateLimit from 'express-rate-limit';
import { AppError } from '../../errors.js';

/**
 * A per-address limit per minute that answers in our own error vocabulary.
 * `failuresOnly` counts only refused requests, so people behind one school
 * address signing in at the same moment do not hold each other up.
 */
export function perMinuteLimit(limit: number, message: string, options: { failuresOnly?: boolean } = {}) {
  return rateLimit({
    windowMs: 60_000,
    limit,
    skipSuccessfulRequests: options.failuresOnly ?? false,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new AppError('rate_limited', message)),
  });
}
