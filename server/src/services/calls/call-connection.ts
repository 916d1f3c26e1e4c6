import type { StaffIdentity } from '../staff/staff-auth.js';

/** Who is on the other end of a connection: a school device, or a signed-in staff member. */
export interface CallConnection {
  connectionId: string;
  schoolId: string;
  deviceId: string | null;
  staff?: StaffIdentity;
}
