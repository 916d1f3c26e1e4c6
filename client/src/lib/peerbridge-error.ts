import type { ErrorBody, ErrorCode } from '@peerbridge/shared';

/**
 * Failures that never got an answer from the server get codes of their own, so
 * the UI can tell "the server said no" apart from "we could not ask".
 */
export type ClientErrorCode = 'timeout' | 'network';
export type PeerbridgeErrorCode = ErrorCode | ClientErrorCode;

const NETWORK_MESSAGE = "Can't reach Peerbridge. Check the Wi-Fi and try again.";
const TIMEOUT_MESSAGE = 'Peerbridge took too long to answer. Check the Wi-Fi and try again.';
const UNEXPECTED_MESSAGE = 'Something went wrong. Please try again.';

/**
 * The one error type the client throws. `message` is always safe and written
 * for the child holding the iPad; the original failure stays in `cause`.
 */
export class PeerbridgeError extends Error {
  override readonly name = 'PeerbridgeError';
  readonly code: PeerbridgeErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: PeerbridgeErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }

  static fromBody(body: ErrorBody): PeerbridgeError {
    return new PeerbridgeError(body.code, body.message, body.details ? { details: body.details } : {});
  }

  static timeout(cause?: unknown): PeerbridgeError {
    return new PeerbridgeError('timeout', TIMEOUT_MESSAGE, { cause });
  }

  static network(cause?: unknown, message = NETWORK_MESSAGE): PeerbridgeError {
    return new PeerbridgeError('network', message, { cause });
  }

  static unexpected(cause?: unknown): PeerbridgeError {
    return new PeerbridgeError('internal', UNEXPECTED_MESSAGE, { cause });
  }
}

export function toPeerbridgeError(error: unknown): PeerbridgeError {
  return error instanceof PeerbridgeError ? error : PeerbridgeError.unexpected(error);
}
