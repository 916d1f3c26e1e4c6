import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, httpStatusFor, toErrorBody } from '../../errors.js';

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(AppError.notFound(`No such endpoint: ${req.method} ${req.path}`));
};

/** The one place errors become HTTP responses; raw exception text never leaves the server. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, _next) => {
  const appError = asAppError(error);
  if (appError) {
    req.log.warn({ code: appError.code, reason: appError.message }, 'RequestRefused');
    res.status(httpStatusFor(appError.code)).json({ error: appError.toBody() });
    return;
  }
  req.log.error({ err: error }, 'RequestFailed');
  res.status(500).json({ error: toErrorBody(error) });
};

/** Errors raised by express's own parsers carry a status; translate them into our vocabulary. */
function asAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  const e = error as { status?: number; type?: string } | undefined;
  if (e?.type === 'entity.too.large') return new AppError('payload_too_large', 'The request body is too large.');
  if (e?.type === 'entity.parse.failed') return AppError.badRequest('The request body is not valid JSON.');
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return AppError.badRequest('The request could not be read.');
  }
  return undefined;
}
