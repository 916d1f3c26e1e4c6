import type http from 'node:http';
import { DeviceHandshake } from '@peerbridge/shared';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { CallChat } from '../../services/calls/call-chat.js';
import type { CallTargets } from '../../services/targets/call-targets.js';
import type { RealtimeSink } from '../../services/notifications/realtime-sink.js';
import type { CallService } from '../../services/calls/call-service.js';
import type { ConcernService } from '../../services/concerns/concern-service.js';
import type { DeviceTokens } from '../../services/devices/device-tokens.js';
import { AppError, toErrorBody } from '../../errors.js';
import type { StaffAuth } from '../../services/staff/staff-auth.js';
import { crossOriginError, staffSocketOriginRefusal } from '../http/same-origin.js';
import type { StaffSessionsEnded } from '../../services/staff/staff-sessions-ended.js';
import { cookieFrom, STAFF_COOKIE } from '../http/staff-session.js';
import { parseInput } from '../validation.js';
import { registerCallHandlers } from './call.handlers.js';
import { RECONNECT_GRACE_MS } from '../../domain/sessions/presence.js';
import type { NetworkProbes } from '../../services/network-probe/network-probes.js';
import type { CallServer } from './socket-data.js';

/**
 * Anything larger makes socket.io drop the connection; below it, an oversized
 * event gets an error ack (or, for a child's concern, is filed without the
 * words). Large enough that a megabyte of any characters, JSON-escaped (six
 * bytes for a control character), is answered rather than cut off; only an
 * enrolled iPad or signed-in staff get past the handshake to send one.
 */
const HARD_MESSAGE_LIMIT_BYTES = 8 * 1024 * 1024;

/** Every socket of a device is in this room, so revoking the device can reach them all. */
export const deviceRoom = (deviceId: string) => `device:${deviceId}`;
/** Every socket of a member of staff, and of one of their sessions: ending either reaches them all, on every node. */
export const staffRoom = (staffId: string) => `staff:${staffId}`;
export const staffSessionRoom = (sessionKey: string) => `staff-session:${sessionKey}`;
/** How often each node re-checks its staff sockets' sessions, to catch idle time-outs and expiry with no event. */
const STAFF_SESSION_SWEEP_MS = 5_000;
/** Signed-in safeguarding leads of a school, for live alerts. */
export const dslRoom = (schoolId: string) => `dsl:${schoolId}`;

/**
 * Connection-state recovery: a socket that drops and comes back within the grace period gets its
 * id, rooms and the pushes it missed back, so the call (its transports) carries on without a rejoin.
 * The handshake middleware still runs for a recovered socket (`skipMiddlewares: false`): a revoked
 * iPad is not let back in. Works with the in-memory adapter only: the Redis adapter keeps no
 * sessions, so with REDIS_URL a dropped socket comes back as a new one and the device rejoins with
 * its join token (its place still kept by the call for the grace period).
 */
export function createSocketServer(httpServer: http.Server): CallServer {
  return new Server(httpServer, {
    maxHttpBufferSize: HARD_MESSAGE_LIMIT_BYTES,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 10_000,
    connectionStateRecovery: { maxDisconnectionDuration: RECONNECT_GRACE_MS, skipMiddlewares: false },
  });
}

export function socketEventSink(io: CallServer): RealtimeSink {
  return {
    send: (connectionId, event, ...args) => {
      io.to(connectionId).emit(event, ...args);
    },
    toSchoolDsls: (schoolId, event, ...args) => {
      io.to(dslRoom(schoolId)).emit(event, ...args);
    },
  };
}

/** Ends the realtime connections of ended staff sessions; the Redis adapter carries it to every node. */
export function staffSessionsEndedSink(io: CallServer): StaffSessionsEnded {
  return {
    sessionsEnded: (keys) => {
      if (keys.length > 0) io.in(keys.map(staffSessionRoom)).disconnectSockets(true);
    },
    staffEnded: (staffId) => io.in(staffRoom(staffId)).disconnectSockets(true),
  };
}

export function attachCallHandlers(
  io: CallServer,
  deps: {
    calls: CallService;
    chat: CallChat;
    targets: CallTargets;
    concerns: ConcernService;
    probes: NetworkProbes;
    deviceTokens: DeviceTokens;
    staffAuth: StaffAuth;
    log: Logger;
    /** For the staff socket's origin check (see same-origin.ts). */
    origins?: { allowedOrigins: readonly string[]; trustProxy: boolean };
    /** Each connection's event allowance (SOCKET_EVENT_BURST, SOCKET_EVENTS_PER_SECOND). */
    eventLimit: { burst: number; perSecond: number };
    /** Under NODE_ENV=test: every acknowledgement is parsed with its shared schema (ackSchemas). */
    checkAcks?: boolean;
  },
): () => void {
  io.use((socket, next) => {
    const handshake = (async () => {
      const staffToken = cookieFrom(socket.handshake.headers.cookie, STAFF_COOKIE);
      const auth = socket.handshake.auth as Record<string, unknown>;
      if (auth.deviceToken === undefined && staffToken) {
        const refusal = staffSocketOriginRefusal(socket.handshake.headers, deps.origins ?? { allowedOrigins: [], trustProxy: false });
        if (refusal) throw crossOriginError(refusal);
        const session = await deps.staffAuth.session(staffToken);
        socket.data = { staff: session.staff, staffSession: { tokenHash: session.tokenHash, sessionKey: session.sessionKey } };
        return;
      }
      const { deviceToken } = parseInput(DeviceHandshake, auth, 'connection');
      socket.data = { device: await deps.deviceTokens.authenticate(deviceToken) };
    })();
    handshake.then(
      () => next(),
      (error: unknown) => {
        const body = toErrorBody(error);
        if (!(error instanceof AppError)) deps.log.error({ err: error }, 'SocketHandshakeFailed');
        const refusal = new Error(body.message) as Error & { data?: unknown };
        refusal.data = body;
        next(refusal);
      },
    );
  });

  io.on('connection', (socket) => {
    const { device, staff } = socket.data;
    if (device) {
      deps.log.info({ socketId: socket.id, deviceId: device.deviceId }, 'DeviceConnected');
      void socket.join(deviceRoom(device.deviceId));
    } else if (staff) {
      deps.log.info({ socketId: socket.id, staffId: staff.staffId }, 'StaffConnected');
      void socket.join([staffRoom(staff.staffId), staffSessionRoom(socket.data.staffSession.sessionKey)]);
      if (staff.schoolId && staff.roles.includes('dsl')) void socket.join(dslRoom(staff.schoolId));
    }
    registerCallHandlers(socket, deps, deps.log);
  });

  const sweep = setInterval(() => void sweepStaffSockets(io, deps.staffAuth, deps.log), STAFF_SESSION_SWEEP_MS);
  sweep.unref();
  return () => clearInterval(sweep);
}

/** Disconnects this node's staff sockets whose session has ended by time (idle or expired) rather than by an action. */
async function sweepStaffSockets(io: CallServer, staffAuth: StaffAuth, log: Logger): Promise<void> {
  for (const socket of io.of('/').sockets.values()) {
    const session = socket.data.staffSession;
    if (!session) continue;
    try {
      if (!(await staffAuth.isLive(session.tokenHash))) {
        log.info({ socketId: socket.id, staffId: socket.data.staff?.staffId }, 'StaffSocketSessionEnded');
        socket.disconnect(true);
      }
    } catch (err) {
      log.error({ err, socketId: socket.id }, 'StaffSocketSweepFailed');
    }
  }
}
