import type { ServerToClientEvents } from '@peerbridge/shared';
import type { StaffIdentity } from '../staff/staff-auth.js';

/** How the call layer speaks to connected devices and staff, without knowing the transport. */
export interface CallEventSink {
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

/** Who is on the other end of a connection: a school device, or a signed-in staff member. */
export interface CallConnection {
  connectionId: string;
  schoolId: string;
  deviceId: string | null;
  staff?: StaffIdentity;
}
