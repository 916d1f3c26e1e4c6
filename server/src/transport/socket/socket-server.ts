import type http from 'node:http';
import {
  DeviceHandshake,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@peerbridge/shared';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { CallChat } from '../../calls/call-chat.js';
import type { CallEventSink } from '../../calls/call-events.js';
import type { CallService } from '../../calls/call-service.js';
import type { ConcernService } from '../../concerns/concern-service.js';
import type { DeviceIdentity, DeviceTokens } from '../../devices/device-tokens.js';
import { AppError, toErrorBody } from '../../errors.js';
import type { StaffAuth, StaffIdentity } from '../../staff/staff-auth.js';
import { crossOriginError, staffSocketOriginRefusal } from '../http/same-origin.js';
import { cookieFrom, STAFF_COOKIE } from '../http/staff-session.js';
import { parseInput } from '../validation.js';
import { registerCallHandlers } from './call.handlers.js';

/** A socket is either a school device or a signed-in member of staff. */
export type SocketData = { device: DeviceIdentity; staff?: undefined } | { staff: StaffIdentity; device?: undefined };

export type CallServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

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
/** Signed-in safeguarding leads of a school, for live alerts. */
export const dslRoom = (schoolId: string) => `dsl:${schoolId}`;

export function createSocketServer(httpServer: http.Server): CallServer {
  return new Server(httpServer, {
    maxHttpBufferSize: HARD_MESSAGE_LIMIT_BYTES,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 10_000,
  });
}

export function socketEventSink(io: CallServer): CallEventSink {
  return {
    send: (connectionId, event, ...args) => {
      io.to(connectionId).emit(event, ...args);
    },
    toSchoolDsls: (schoolId, event, ...args) => {
      io.to(dslRoom(schoolId)).emit(event, ...args);
    },
  };
}

export function attachCallHandlers(
  io: CallServer,
  deps: {
    calls: CallService;
    chat: CallChat;
    concerns: ConcernService;
    deviceTokens: DeviceTokens;
    staffAuth: StaffAuth;
    log: Logger;
    /** For the staff socket's origin check (see same-origin.ts). */
    origins?: { allowedOrigins: readonly string[]; trustProxy: boolean };
  },
): void {
  io.use((socket, next) => {
    const handshake = (async () => {
      const staffToken = cookieFrom(socket.handshake.headers.cookie, STAFF_COOKIE);
      const auth = socket.handshake.auth as Record<string, unknown>;
      if (auth.deviceToken === undefined && staffToken) {
        const refusal = staffSocketOriginRefusal(socket.handshake.headers, deps.origins ?? { allowedOrigins: [], trustProxy: false });
        if (refusal) throw crossOriginError(refusal);
        socket.data = { staff: await deps.staffAuth.authenticate(staffToken) };
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
      if (staff.schoolId && staff.roles.includes('dsl')) void socket.join(dslRoom(staff.schoolId));
    }
    registerCallHandlers(socket, deps, deps.log);
  });
}
