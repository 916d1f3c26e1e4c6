import { ErrorBody } from '@peerbridge/shared';
import { z } from 'zod';
import { PeerbridgeError } from './peerbridge-error';

const ErrorEnvelope = z.object({ error: ErrorBody });

export interface ApiRequestOptions {
  deviceToken: string;
  signal?: AbortSignal;
}

/**
 * GET a JSON resource and validate it with the shared schema, so a server
 * change that breaks the contract fails here, loudly, instead of rendering
 * half a screen. Every failure becomes a PeerbridgeError with a readable message.
 */
export async function apiGet<S extends z.ZodType>(
  path: string,
  schema: S,
  { deviceToken, signal }: ApiRequestOptions,
): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'GET',
      headers: { Accept: 'application/json', Authorization: `Bearer ${deviceToken}` },
      cache: 'no-store',
      ...(signal ? { signal } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw PeerbridgeError.network(cause);
  }

  const body: unknown = await response.json().catch(() => undefined);

  if (!response.ok) throw errorFromResponse(response.status, body);

  const parsed = schema.safeParse(body);
  if (!parsed.success) throw PeerbridgeError.unexpected(parsed.error);
  return parsed.data;
}

function errorFromResponse(status: number, body: unknown): PeerbridgeError {
  const envelope = ErrorEnvelope.safeParse(body);
  if (envelope.success) return PeerbridgeError.fromBody(envelope.data.error);
  // A proxy or a crashed server answers without our envelope; keep the status meaning.
  if (status === 401) {
    return new PeerbridgeError('unauthenticated', 'This iPad needs to be set up again. Ask a member of staff.');
  }
  if (status >= 500) return PeerbridgeError.network(undefined, 'Peerbridge is having trouble. Try again in a minute.');
  return PeerbridgeError.unexpected();
}
