import type { ServerToClientEvents } from '@peerbridge/shared';

/** How the call layer speaks to connected devices, without knowing the transport. */
export interface CallEventSink {
  send<E extends keyof ServerToClientEvents>(
    connectionId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
}

/** Who is on the other end of a connection: an authenticated school device. */
export interface CallConnection {
  connectionId: string;
  deviceId: string;
  schoolId: string;
}
