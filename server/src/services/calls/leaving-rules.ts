import type { LeaveReason, SessionEndReason } from '@peerbridge/shared';

/* What each end of a call says to whom, and which leavings count as drops or end a rejoin offer. */

export const endMessages: Record<SessionEndReason, string> = {
  time_up: 'This session has finished.',
  media_lost: 'The video connection was lost. Reconnecting…',
  server_shutdown: 'Peerbridge is restarting. We will reconnect you as soon as it is back.',
  replaced: 'You joined this session from another iPad.',
  device_revoked: 'This iPad has been removed from Peerbridge by your school.',
  ended_by_staff:
    "A member of staff has ended this session. You haven't done anything wrong by seeing this message. Your coordinator will talk to you about what happens next.",
};

/** What the staff watching read when one of them ended the session (the children read `endMessages`). */
export const OBSERVERS_TOLD_STAFF_ENDED = 'The session has been ended for everyone. Both schools’ coordinators have been told.';

/** Leavings that were not the student's choice: coming back is a reconnection. */
export const DROP_REASONS: ReadonlySet<LeaveReason> = new Set<LeaveReason>(['disconnected', 'media_lost', 'replaced', 'rejoined']);

/** Leavings after which no rejoin is offered: the child tapped Leave, joined on another iPad, the iPad was removed, time is up. */
export const REVOKES_REJOIN: ReadonlySet<LeaveReason> = new Set<LeaveReason>(['left', 'replaced', 'device_revoked', 'time_up']);
