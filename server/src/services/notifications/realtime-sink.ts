import type { ServerToClientEvents } from '@peerbridge/shared';

/**
 * How the services push to connected devices and staff, without knowing the
 * transport (the socket server implements it; the Redis adapter carries it to
 * every node).
 */
export interface RealtimeSink {
  send<E extends keyof ServerToClientEvents>(
    connectionId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
  /** Every signed-in safeguarding lead of a school. */
  toSchoolDsls<E extends keyof ServerToClientEvents>(
    schoolId: string,
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ): void;
}
