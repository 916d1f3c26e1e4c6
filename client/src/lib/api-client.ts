import { BACKGROUND_REQUEST_HEADER, CSV_BODY, ErrorCode, pathOf, type AnswerOf, type Endpoint, type RequestOf } from '@peerbridge/shared';
import { z } from 'zod';
import { deviceNowMs, followServerClock } from './clock';
import { PeerbridgeError, type PeerbridgeErrorCode } from './peerbridge-error';

/*
 * The error envelope, read loosely on purpose: a code this client does not
 * know yet (the server moves on independently) must not cost the user the
 * server's message, which is the part written for them.
 */
const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().min(1),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

/**
 * Who a request speaks for. A school iPad sends its device token; staff ride
 * on an httpOnly session cookie the browser attaches by itself; enrolment
 * codes are redeemed by an iPad that has no identity yet.
 */
export type ApiAuth = { kind: 'device'; deviceToken: string } | { kind: 'staff' } | { kind: 'none' };

export const deviceAuth = (deviceToken: string): ApiAuth => ({ kind: 'device', deviceToken });
export const staffAuth: ApiAuth = { kind: 'staff' };
export const noAuth: ApiAuth = { kind: 'none' };

export interface ApiRequestOptions {
  auth: ApiAuth;
  signal?: AbortSignal | undefined;
  /** A request the screen makes by itself (polling): the server does not count it as someone using the page. */
  background?: boolean | undefined;
}

type Method = Endpoint['method'];

/**
 * Calls one endpoint of the shared contract: the path is filled from
 * `params`, the query and body go as the contract says, and the answer is
 * parsed with the endpoint's own response schema (a 204 answers nothing).
 */
export async function callApi<E extends Endpoint>(endpoint: E, request: RequestOf<E>, options: ApiRequestOptions): Promise<AnswerOf<E>> {
  const { params, query, body } = request as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  const search = query ? new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString() : '';
  const path = `${pathOf(endpoint.path, params)}${search ? `?${search}` : ''}`;
  const payload = endpoint.body === CSV_BODY ? new TextBody(String(body), 'text/csv') : body;
  const answer = await send(endpoint.method, path, payload, options, endpoint.answerStatuses ?? []);
  const { response } = endpoint;
  if (response === null || 'file' in response) return answer as AnswerOf<E>;
  return parse(response, answer) as AnswerOf<E>;
}

/** A body sent as it is, not as JSON. */
class TextBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw PeerbridgeError.unexpected(parsed.error);
  return parsed.data;
}

async function send(
  method: Method,
  path: string,
  body: unknown,
  { auth, signal, background }: ApiRequestOptions,
  answerStatuses: readonly number[] = [],
): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = body instanceof TextBody ? body.contentType : 'application/json';
  if (auth.kind === 'device') headers.Authorization = `Bearer ${auth.deviceToken}`;
  if (background) headers[BACKGROUND_REQUEST_HEADER] = '1';

  let response: Response;
  const sentAtMs = deviceNowMs();
  try {
    response = await fetch(path, {
      method,
      headers,
      ...(body !== undefined ? { body: body instanceof TextBody ? body.text : JSON.stringify(body) } : {}),
      // Only staff calls carry the staff cookie: a coordinator who signed in on
      // a shared iPad must not lend their session to the children's screens.
      credentials: auth.kind === 'staff' ? 'same-origin' : 'omit',
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw PeerbridgeError.network(cause);
  }

  followServerClock(response.headers.get('x-server-time'), sentAtMs, deviceNowMs());
  const json: unknown = await response.json().catch(() => undefined);
  if (response.ok) return json;
  if (answerStatuses.includes(response.status) && !ErrorEnvelope.safeParse(json).success) return json;
  throw errorFromResponse(response.status, json, auth);
}

export function errorFromResponse(status: number, body: unknown, auth: ApiAuth): PeerbridgeError {
  const envelope = ErrorEnvelope.safeParse(body);
  if (envelope.success) {
    const { code, message, details } = envelope.data.error;
    const known = ErrorCode.safeParse(code);
    return new PeerbridgeError(known.success ? known.data : codeForStatus(status), message, details ? { details } : {});
  }
  // A proxy or a crashed server answers without our envelope; keep the status meaning.
  if (status === 401 && auth.kind === 'device') {
    return new PeerbridgeError('unauthenticated', 'This iPad needs to be set up again. Ask a member of staff.');
  }
  if (status === 401) return new PeerbridgeError('unauthenticated', 'Please sign in again.');
  if (status >= 500) return PeerbridgeError.network(undefined, 'Peerbridge is having trouble. Try again in a minute.');
  return PeerbridgeError.unexpected();
}

function codeForStatus(status: number): PeerbridgeErrorCode {
  switch (status) {
    case 400:
      return 'bad_request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 413:
      return 'payload_too_large';
    case 429:
      return 'rate_limited';
    case 503:
      return 'unavailable';
    default:
      return 'internal';
  }
}
