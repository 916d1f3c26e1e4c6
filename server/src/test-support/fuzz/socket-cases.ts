import fc from 'fast-check';
import { clientPayloads, errorCodes, type ClientEventName } from '@peerbridge/shared';
import type { DeviceSocket } from '../device-socket.js';
import { hostileValue, malformed, type Hints } from './zod-arbitrary.js';

/** The connections the fuzzer speaks through: two joined students, an iPad not in a call, a safeguarding lead. */
export type SocketRole = 'mentor' | 'mentee' | 'device' | 'staff';

export interface SocketCase {
  who: SocketRole;
  event: string;
  payload: unknown;
  /** How many arguments come before the acknowledgement: none, the payload, or the payload and a stray one. */
  arity: 0 | 1 | 2;
}

export const socketEvents = Object.keys(clientPayloads) as ClientEventName[];
/** Names no handler has, including ones that are properties of every object. */
const UNKNOWN_EVENTS = ['no:such-event', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'session:join ', 'SESSION:JOIN', ''];

export function socketCaseArbitrary(hintsFor: (who: SocketRole) => Hints): fc.Arbitrary<SocketCase> {
  return fc
    .record({
      who: fc.constantFrom<SocketRole>('mentor', 'mentee', 'device', 'staff'),
      event: fc.oneof({ weight: 12, arbitrary: fc.constantFrom<string>(...socketEvents) }, { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_EVENTS) }),
    })
    // Leaving would take a joined student out of the call the other cases need; an iPad not in one leaves instead.
    .map(({ who, event }) => ({ who: event === 'session:leave' && (who === 'mentor' || who === 'mentee') ? ('device' as const) : who, event }))
    .chain(({ who, event }) =>
      fc.record({
        who: fc.constant(who),
        event: fc.constant(event),
        payload: Object.hasOwn(clientPayloads, event) ? malformed(clientPayloads[event as ClientEventName], hintsFor(who)) : hostileValue,
        arity: fc.constantFrom<0 | 1 | 2>(1, 1, 1, 0, 2),
      }),
    );
}

const PACE_MS = 40;
const lastSent = new WeakMap<DeviceSocket, number>();

/**
 * Sends a case and waits for its acknowledgement (or `timeoutMs`). Paced per
 * connection below the server's token bucket (30 a second), so the cases reach
 * validation rather than the rate limit.
 */
export async function sendSocketCase(socket: DeviceSocket, c: SocketCase, timeoutMs: number): Promise<{ ack?: unknown; hung: boolean }> {
  // The slot is taken before waiting, so cases sent at once on one connection queue up behind each other.
  const now = performance.now();
  const at = Math.max(now, (lastSent.get(socket) ?? 0) + PACE_MS);
  lastSent.set(socket, at);
  if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  const args = c.arity === 0 ? [] : c.arity === 1 ? [c.payload] : [c.payload, 'stray'];
  try {
    return { ack: await socket.socket.timeout(timeoutMs).emitWithAck(c.event, ...args), hung: false };
  } catch {
    return { hung: true };
  }
}

/** What is wrong with an acknowledgement, if anything: each is `{ ok: true, data }` or a coded refusal that is not `internal`. */
export function ackProblem(ack: unknown): string | null {
  const a = ack as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } } | undefined;
  if (a?.ok === true) return 'data' in a ? null : 'ok ack without data';
  if (a?.ok !== false) return `not an ack: ${JSON.stringify(ack)?.slice(0, 200)}`;
  if (!errorCodes.includes(a.error?.code as never)) return `error ack without a known code: ${JSON.stringify(a.error)?.slice(0, 200)}`;
  if (a.error?.code === 'internal') return `internal error: ${String(a.error.message)}`;
  if (typeof a.error?.message !== 'string') return 'error ack without a message';
  return null;
}
