import type { ErrorBody, ErrorCode } from '@peerbridge/shared';

/**
 * The one error type that crosses from the server's core to its transports.
 * Its message is written for the person who will read it on screen; anything
 * else thrown is an internal fault and is never shown to a client.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  static badRequest(message: string, details?: Record<string, unknown>) {
    return new AppError('bad_request', message, details);
  }
  static unauthenticated(message = 'This device is not signed in to Peerbridge.') {
    return new AppError('unauthenticated', message);
  }
  static notFound(message: string) {
    return new AppError('not_found', message);
  }
  static notJoined() {
    return new AppError('not_joined', 'Join a session first.');
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

const internalBody: ErrorBody = { code: 'internal', message: 'Something went wrong on our side. Please try again.' };

export function toErrorBody(error: unknown): ErrorBody {
  return error instanceof AppError ? error.toBody() : internalBody;
}

const statusByCode: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  cross_origin: 403,
  not_found: 404,
  conflict: 409,
  session_not_open: 409,
  session_over: 409,
  session_cancelled: 409,
  session_ended_by_staff: 409,
  not_participant: 403,
  not_joined: 409,
  payload_too_large: 413,
  rate_limited: 429,
  step_up_required: 403,
  shutting_down: 503,
  unavailable: 503,
  internal: 500,
};

export function httpStatusFor(code: ErrorCode): number {
  return statusByCode[code];
}
