import type http from 'node:http';
import {
  DeviceHandshake,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@peerbridge/shared';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { CallEventSink } from '../../calls/call-events.js';
import type { CallService } from '../../calls/call-service.js';
import type { DeviceIdentity, DeviceTokens } from '../../devices/device-tokens.js';
import { AppError, toErrorBody } from '../../errors.js';
import { parseInput } from '../validation.js';
import { registerCallHandlers } from './call.handlers.js';

export interface SocketData {
  device: DeviceIdentity;
}

export type CallServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** Anything larger is dropped by socket.io itself; below it, oversized events get an error ack. */
const HARD_MESSAGE_LIMIT_BYTES = 1024 * 1024;

/** Every socket of a device is in this room, so revoking the device can reach them all. */
export const deviceRoom = (deviceId: string) => `device:${deviceId}`;

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
  };
}

export function attachCallHandlers(
  io: CallServer,
  deps: { calls: CallService; deviceTokens: DeviceTokens; log: Logger },
): void {
  io.use((socket, next) => {
    const handshake = (async () => {
      const { deviceToken } = parseInput(DeviceHandshake, socket.handshake.auth, 'connection');
      socket.data.device = await deps.deviceTokens.authenticate(deviceToken);
    })();
    handshake.then(
      () => next(),
      (error: unknown) => {
        const body = toErrorBody(error);
        if (!(error instanceof AppError)) deps.log.error({ err: error }, 'DeviceHandshakeFailed');
        const refusal = new Error(body.message) as Error & { data?: unknown };
        refusal.data = body;
        next(refusal);
      },
    );
  });

  io.on('connection', (socket) => {
    deps.log.info({ socketId: socket.id, deviceId: socket.data.device.deviceId }, 'DeviceConnected');
    void socket.join(deviceRoom(socket.data.device.deviceId));
    registerCallHandlers(socket, deps.calls, deps.log);
  });
}
