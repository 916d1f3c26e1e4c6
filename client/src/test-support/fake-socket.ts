import { vi } from 'vitest';
import type { PeerbridgeSocket } from '../lib/socket-client';

/** What the server acknowledges, as it puts it on the wire. */
export type Ack = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

export const accepted = (data: unknown = {}): Ack => ({ ok: true, data });
export const refused = (code: string, message: string): Ack => ({ ok: false, error: { code, message } });

export interface FakeSocketOptions {
  /** The server's answer to each emitted event; everything is accepted with `{}` unless said otherwise. */
  answer?: (event: string, payload: unknown) => Ack;
  connected?: boolean;
  active?: boolean;
}

/**
 * Just enough of a socket.io client to drive the clients without a server:
 * it records what is emitted, answers acks, and lets a test push server
 * events. `raw` is the object itself, for a test that flips `connected` or
 * `active`, or asks whether `connect`/`disconnect` were called.
 */
export function fakeSocket(options: FakeSocketOptions = {}) {
  const answer = options.answer ?? (() => accepted());
  const sent: Array<{ event: string; payload: unknown }> = [];
  const handlers = new Map<string, Array<(...args: unknown[]) => void>>();
  const raw = {
    connected: options.connected ?? true,
    active: options.active ?? true,
    on: (event: string, handler: (...args: unknown[]) => void) => {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
      return raw;
    },
    off: (event: string, handler: (...args: unknown[]) => void) => {
      handlers.set(
        event,
        (handlers.get(event) ?? []).filter((h) => h !== handler),
      );
      return raw;
    },
    connect: vi.fn(() => {
      raw.active = true;
      return raw;
    }),
    disconnect: vi.fn(() => raw),
    removeAllListeners: () => {
      handlers.clear();
      return raw;
    },
    timeout: () => ({
      emitWithAck: async (event: string, payload: unknown) => {
        sent.push({ event, payload });
        return answer(event, payload);
      },
    }),
  };
  const push = (event: string, ...args: unknown[]) => {
    for (const handler of handlers.get(event) ?? []) handler(...args);
  };
  return { socket: raw as unknown as PeerbridgeSocket, raw, sent, push };
}
