import { io, type Socket } from 'socket.io-client';
import type { Ack, ServerToClientEvents } from '@peerbridge/shared';

export interface DeviceSocket {
  socket: Socket;
  /** Emits with an acknowledgement; fails the test if no ack comes within 10 s (a hang). */
  request<T = unknown>(event: string, payload?: unknown): Promise<Ack<T>>;
  /** Resolves with the next push of that event. */
  next<E extends keyof ServerToClientEvents>(event: E, timeoutMs?: number): Promise<Parameters<ServerToClientEvents[E]>[0]>;
  /** Signs the student in with their PIN over HTTP, as the iPad does, and returns the join token. */
  signIn(sessionId: string, studentId: string, pin?: string): Promise<Ack<{ joinToken: string }>>;
  /** Signs in, then sends `session:join`; a refused sign-in comes back as an error ack. */
  join<T = unknown>(sessionId: string, studentId: string, extra?: Record<string, unknown>): Promise<Ack<T>>;
  close(): void;
}

export async function connectDevice(url: string, deviceToken: string | undefined): Promise<DeviceSocket> {
  const socket = io(url, {
    auth: deviceToken === undefined ? {} : { deviceToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return wrap(socket, url, deviceToken ?? '');
}

export const DEMO_PIN = '1234';

/** Request/response helpers around a connected socket (the sign-in helpers need a device token). */
export function wrap(socket: Socket, url: string, deviceToken: string): DeviceSocket {
  const signIn = async (sessionId: string, studentId: string, pin = DEMO_PIN): Promise<Ack<{ joinToken: string }>> => {
    const res = await fetch(`${url}/api/device/sign-in`, {
      method: 'POST',
      headers: { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ sessionId, studentId, pin }),
    });
    const body = (await res.json()) as { joinToken: string } & { error: Ack<never> extends { error: infer E } ? E : never };
    return res.ok ? { ok: true, data: { joinToken: body.joinToken } } : { ok: false, error: body.error };
  };
  const request = <T>(event: string, payload?: unknown): Promise<Ack<T>> =>
    socket.timeout(10_000).emitWithAck(event, ...(payload === undefined ? [] : [payload]));
  return {
    signIn,
    join: async <T>(sessionId: string, studentId: string, extra: Record<string, unknown> = {}) => {
      const signedIn = await signIn(sessionId, studentId);
      if (!signedIn.ok) return signedIn;
      return request<T>('session:join', { sessionId, studentId, joinToken: signedIn.data.joinToken, ...extra });
    },
    socket,
    request,
    next: (event, timeoutMs = 5_000) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
        socket.once(event as string, (payload: Parameters<ServerToClientEvents[typeof event]>[0]) => {
          clearTimeout(timer);
          resolve(payload);
        });
      }),
    close: () => socket.close(),
  };
}
