import { ErrorCode } from '@peerbridge/shared';
import type {
  Ack,
  ClientAckData,
  ClientEventName,
  ClientPayload,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@peerbridge/shared';
import { io, type Socket } from 'socket.io-client';
import { PeerbridgeError } from './peerbridge-error';

/** Every Peerbridge socket speaks the same typed map; who it speaks for is settled at the handshake. */
export type PeerbridgeSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
export type DeviceSocket = PeerbridgeSocket;
export type StaffSocket = PeerbridgeSocket;

export const ACK_TIMEOUT_MS = 10_000;

/**
 * One socket per open session screen. WebSocket only: long-polling doubles the
 * handshake on slow school Wi-Fi and some proxies mangle it. `autoConnect` is
 * off so the owner decides when to start (and can pre-connect before Join).
 */
export function createDeviceSocket(deviceToken: string): DeviceSocket {
  return io({ auth: { deviceToken }, transports: ['websocket'], autoConnect: false, ...DEVICE_RECONNECTION });
}

/**
 * socket.io's own jittered exponential backoff, kept short: after a server restart the children
 * should be back within a second or so of it answering (0.25 s, 0.5 s, then every 1 s, each ±50 %);
 * a refused connection to a server that is down costs it nothing.
 */
const DEVICE_RECONNECTION = { reconnectionDelay: 250, reconnectionDelayMax: 1_000, randomizationFactor: 0.5 } as const;

/**
 * A staff socket sends no auth payload at all: the server recognises staff by
 * their httpOnly session cookie, which the browser attaches to the same-origin
 * WebSocket handshake by itself (script never sees it). `forceNew` so the
 * alerts socket and an observing socket are separate connections: stopping
 * one must not drop the other.
 */
export function createStaffSocket(): StaffSocket {
  return io({ transports: ['websocket'], autoConnect: false, forceNew: true });
}

/**
 * Emit a client event and wait for its acknowledgement. Resolves with the
 * `data` of an `{ ok: true }` ack, rejects with a PeerbridgeError otherwise.
 */
export async function request<E extends ClientEventName>(
  socket: PeerbridgeSocket,
  event: E,
  payload: ClientPayload<E>,
  timeoutMs: number = ACK_TIMEOUT_MS,
): Promise<ClientAckData[E]> {
  // socket.io's typings cannot follow a generic event name through `timeout()`;
  // the payload is typed by our signature and the ack is checked below instead.
  const emitter = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(event: ClientEventName, payload: unknown): Promise<unknown>;
  };
  let ack: unknown;
  try {
    ack = await emitter.emitWithAck(event, payload);
  } catch (cause) {
    throw PeerbridgeError.timeout(cause);
  }
  if (!isAck(ack)) throw PeerbridgeError.unexpected(new Error(`malformed ack for ${event}`));
  const typed = ack as Ack<ClientAckData[E]>;
  if (!typed.ok) throw PeerbridgeError.fromBody(typed.error);
  return typed.data;
}

function isAck(value: unknown): value is { ok: boolean } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

// Messages engine.io produces for transport failures; they mean nothing to a child.
const TRANSPORT_ERROR_MESSAGES = new Set(['websocket error', 'xhr poll error', 'timeout', 'server error']);

/**
 * The server refuses a handshake with a message written for the user (e.g. a
 * revoked device). Transport-level failures get our own wording instead.
 */
export function connectErrorToPeerbridgeError(err: Error & { data?: unknown; type?: unknown }): PeerbridgeError {
  if (err.type === 'TransportError' || TRANSPORT_ERROR_MESSAGES.has(err.message)) {
    return PeerbridgeError.network(err);
  }
  // A refused handshake is almost always about the device token.
  const code = ErrorCode.safeParse((err.data as { code?: unknown } | undefined)?.code);
  return new PeerbridgeError(code.success ? code.data : 'unauthenticated', err.message || 'Peerbridge refused the connection.', {
    cause: err,
  });
}

/**
 * Resolve once the socket is connected. A refused handshake rejects at once
 * with the server's message; a flaky network is given until the timeout,
 * because socket.io keeps retrying on its own meanwhile.
 */
export function waitForConnection(socket: PeerbridgeSocket, timeoutMs: number = ACK_TIMEOUT_MS): Promise<void> {
  if (socket.connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    let lastError: PeerbridgeError | null = null;
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('connect_error', onError);
    };
    const onConnect = () => {
      cleanup();
      resolve();
    };
    const onError = (err: Error) => {
      lastError = connectErrorToPeerbridgeError(err);
      // socket.active is false when the server itself refused us: no retry is coming.
      if (!socket.active) {
        cleanup();
        reject(lastError);
      }
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(lastError ?? PeerbridgeError.timeout());
    }, timeoutMs);
    socket.on('connect', onConnect);
    socket.on('connect_error', onError);
    if (!socket.active) socket.connect();
  });
}
