import {
  ackSchemas,
  clientPayloads,
  MAX_EVENT_BYTES,
  type Ack,
  type ClientAckData,
  type ClientEventName,
  type ClientPayload,
} from '@peerbridge/shared';
import type { Logger } from 'pino';
import type { CallChat } from '../../services/calls/call-chat.js';
import type { CallConnection } from '../../services/calls/call-connection.js';
import type { CallService } from '../../services/calls/call-service.js';
import type { CallTargets } from '../../services/targets/call-targets.js';
import type { ConcernService } from '../../services/concerns/concern-service.js';
import type { NetworkProbes } from '../../services/network-probe/network-probes.js';
import { AppError, toErrorBody } from '../../errors.js';
import type { StaffAuth } from '../../services/staff/staff-auth.js';
import { parseInput } from '../validation.js';
import { TokenBucket } from './rate-limit.js';
import type { CallSocket } from './socket-data.js';

type Handlers = {
  [E in ClientEventName]: (conn: CallConnection, payload: ClientPayload<E>) => Promise<ClientAckData[E]>;
};

/** Which events each kind of connection may send at all; the services check the rest. */
const deviceEvents: ReadonlySet<ClientEventName> = new Set<ClientEventName>([
  'media:capabilities',
  'session:join',
  'session:leave',
  'session:presence',
  'transport:connect',
  'transport:restart-ice',
  'media:produce',
  'media:consume',
  'media:resume-consumer',
  'media:set-paused',
  'probe:start',
  'probe:connect',
  'probe:produce-data',
  'probe:finish',
  'chat:send',
  'concern:raise',
  'targets:list',
  'targets:add',
  'targets:review',
]);
const staffEvents: ReadonlySet<ClientEventName> = new Set<ClientEventName>([
  'media:capabilities',
  'observe:join',
  'session:leave',
  'transport:connect',
  'transport:restart-ice',
  'media:consume',
  'media:resume-consumer',
]);

/**
 * A child's "I'm worried" is filed whatever its payload holds (words that are too
 * long are dropped by the concern service, the child told); only socket.io's own
 * hard limit stops it. Every other event is refused above MAX_EVENT_BYTES.
 */
const ANSWERED_AT_ANY_SIZE: ReadonlySet<ClientEventName> = new Set<ClientEventName>(['concern:raise']);

function handlersFor(deps: { calls: CallService; chat: CallChat; targets: CallTargets; concerns: ConcernService; probes: NetworkProbes }): Handlers {
  const { calls, probes } = deps;
  return {
    'media:capabilities': async () => calls.capabilities(),
    'session:join': (conn, p) => calls.join(conn, p),
    'session:leave': async (conn) => {
      await calls.leave(conn.connectionId, 'left');
      return {};
    },
    'session:presence': (conn, p) => calls.presence(conn, p),
    'transport:connect': (conn, p) => calls.connectTransport(conn.connectionId, p),
    'transport:restart-ice': (conn, p) => calls.restartIce(conn.connectionId, p),
    'media:produce': (conn, p) => calls.produce(conn.connectionId, p),
    'media:consume': (conn, p) => calls.consume(conn.connectionId, p),
    'media:resume-consumer': (conn, p) => calls.resumeConsumer(conn.connectionId, p),
    'media:set-paused': (conn, p) => calls.setPaused(conn.connectionId, p),
    'observe:join': (conn, p) => calls.observe(conn, p),
    'probe:start': (conn) => probes.start(conn),
    'probe:connect': (conn, p) => probes.connect(conn, p),
    'probe:produce-data': (conn, p) => probes.produceData(conn, p),
    'probe:finish': (conn, p) => probes.finish(conn, p),
    'chat:send': (conn, p) => deps.chat.send(conn.connectionId, p.text),
    'concern:raise': (conn, p) => deps.concerns.raiseFromCall(conn.connectionId, p.text, p.concernId),
    'targets:list': (conn) => deps.targets.list(conn.connectionId),
    'targets:add': (conn, p) => deps.targets.add(conn.connectionId, p),
    'targets:review': (conn, p) => deps.targets.review(conn.connectionId, p),
  };
}

function payloadBytes(payload: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(payload) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function checkAck(event: ClientEventName, data: unknown): void {
  const parsed = ackSchemas[event].safeParse(data);
  if (!parsed.success) throw new Error(`${event} acknowledged outside its contract: ${parsed.error.message}`);
}

/** Each handler only parses, calls and acknowledges; a bad payload is answered, never thrown. */
export function registerCallHandlers(
  socket: CallSocket,
  deps: {
    calls: CallService;
    chat: CallChat;
    targets: CallTargets;
    concerns: ConcernService;
    probes: NetworkProbes;
    staffAuth: StaffAuth;
    eventLimit: { burst: number; perSecond: number };
    checkAcks?: boolean;
  },
  log: Logger,
): void {
  const handlers = handlersFor(deps);
  const bucket = new TokenBucket(deps.eventLimit.burst, deps.eventLimit.perSecond);
  const { device, staffSession } = socket.data;
  const allowed = device ? deviceEvents : staffEvents;
  const deviceConn: CallConnection | undefined = device && { connectionId: socket.id, deviceId: device.deviceId, schoolId: device.school.id };

  /**
   * A staff socket's rights are those of its session now, not when it connected: each event checks the
   * session again (signed out, timed out, deactivated, roles changed) and ends the socket if it is over.
   */
  const connectionFor = async (): Promise<CallConnection> => {
    if (deviceConn) return deviceConn;
    try {
      const current = await deps.staffAuth.sessionFromHash(staffSession!.tokenHash);
      return { connectionId: socket.id, deviceId: null, schoolId: current.staff.schoolId ?? '', staff: current.staff };
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthenticated') setImmediate(() => socket.disconnect(true));
      throw error;
    }
  };

  const handle = async (event: ClientEventName, payload: unknown): Promise<Ack<unknown>> => {
    try {
      if (!bucket.take()) throw new AppError('rate_limited', 'Too many requests from this device; slow down.');
      if (!allowed.has(event)) {
        throw new AppError('forbidden', device ? 'A school iPad cannot do that.' : 'Staff cannot do that in a session.');
      }
      if (!ANSWERED_AT_ANY_SIZE.has(event) && payloadBytes(payload) > MAX_EVENT_BYTES) {
        throw new AppError('payload_too_large', `The ${event} message is too large.`);
      }
      const parsed = parseInput(clientPayloads[event], payload, `${event} payload`);
      const conn = await connectionFor();
      const handler = handlers[event] as (c: CallConnection, p: unknown) => Promise<unknown>;
      const data = await handler(conn, parsed);
      if (deps.checkAcks) checkAck(event, data);
      // A connection that vanished while its join was in flight must not be left in the call.
      if (socket.disconnected) await deps.calls.leave(socket.id, 'disconnected');
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        log.warn({ event, socketId: socket.id, code: error.code, reason: error.message }, 'SocketEventRefused');
      } else {
        log.error({ event, socketId: socket.id, err: error }, 'SocketEventFailed');
      }
      return { ok: false, error: toErrorBody(error) };
    }
  };

  socket.onAny((event: string, ...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') {
      log.warn({ event, socketId: socket.id }, 'SocketEventWithoutAck');
      return;
    }
    if (!Object.hasOwn(clientPayloads, event)) {
      ack({ ok: false, error: { code: 'bad_request', message: `Unknown event "${event}".` } });
      log.warn({ event, socketId: socket.id }, 'SocketEventUnknown');
      return;
    }
    void handle(event as ClientEventName, args.length > 1 ? args[0] : undefined).then((result) => ack(result));
  });

  // Recovered by socket.io (same id, rooms, missed events): the kept place is taken up again.
  if (socket.recovered) {
    deps.calls.connectionRecovered(socket.id).catch((err: unknown) => log.error({ err, socketId: socket.id }, 'RecoverFailed'));
    log.info({ socketId: socket.id }, 'Recovered');
  }

  socket.on('disconnect', (reason) => {
    deps.probes.disconnected(socket.id);
    // Tapping Leave already left; closing the tab on purpose ('client namespace disconnect') is leaving too.
    const lost = reason === 'client namespace disconnect' ? deps.calls.leave(socket.id, 'disconnected') : deps.calls.connectionLost(socket.id);
    lost.catch((err: unknown) => log.error({ err, socketId: socket.id }, 'LeaveOnDisconnectFailed'));
    log.info({ socketId: socket.id, reason }, 'Disconnected');
  });
}
