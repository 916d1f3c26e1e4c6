import type { ClientToServerEvents, ServerToClientEvents } from '@peerbridge/shared';
import type { Server, Socket } from 'socket.io';
import type { DeviceIdentity } from '../../services/devices/device-tokens.js';
import type { StaffIdentity } from '../../services/staff/staff-auth.js';

/**
 * A socket is either a school device or a signed-in member of staff. A staff socket keeps the hash of
 * the session it was opened with, so every privileged event can check that session again.
 */
export type SocketData =
  | { device: DeviceIdentity; staff?: undefined; staffSession?: undefined }
  | { staff: StaffIdentity; staffSession: { tokenHash: string; sessionKey: string }; device?: undefined };

export type CallServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type CallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
