import { io, type Socket } from 'socket.io-client';
import type { Ack, ServerToClientEvents } from '@peerbridge/shared';

export interface DeviceSocket {
  socket: Socket;
  /** Emits with an acknowledgement; fails the test if no ack comes within 10 s (a hang). */
  request<T = unknown>(event: string, payload?: unknown): Promise<Ack<T>>;
  /** Resolves with the next push of that event. */
  next<E extends keyof ServerToClientEvents>(event: E, timeoutMs?: number): Promise<Parameters<ServerToClientEvents[E]>[0]>;
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
  return wrap(socket);
}

function wrap(socket: Socket): DeviceSocket {
  return {
    socket,
    request: (event, payload) =>
      socket.timeout(10_000).emitWithAck(event, ...(payload === undefined ? [] : [payload])),
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
