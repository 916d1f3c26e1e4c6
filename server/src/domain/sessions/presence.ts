/**
 * Who a session log shows as in the call, read from its entries alone. Used when the server starts
 * again after stopping without a graceful shutdown: anyone still "in" was cut off by the stop, and
 * the log must say so before their rejoin, so it has no silent gap.
 */

/**
 * How long a student whose connection was lost keeps their place: long enough for a Wi-Fi blip, an
 * iPad waking, or the server restarting; short enough that the partner is not left waiting long.
 * socket.io's connection-state recovery keeps a dropped socket's session for the same time.
 */
export const RECONNECT_GRACE_MS = 20_000;

/** A log entry as far as presence goes. */
export interface PresenceEntry {
  type: string;
  actor: string | null;
  deviceId: string | null;
  detail: Record<string, unknown>;
}

/** Entries that put a student in the call (or keep them there while their place is kept). */
const IN_CALL = new Set(['SessionJoined', 'SessionReconnected', 'SessionRejoined', 'ParticipantReconnecting', 'ParticipantReconnected']);
/** Entries that take a student out of the call. */
const OUT_OF_CALL = new Set(['SessionLeft', 'ParticipantDropped']);
/** Leavings that were not the student's choice: coming back is a reconnection. */
const DROP_REASONS = new Set(['disconnected', 'media_lost', 'replaced', 'rejoined', 'server_shutdown', 'server_stopped']);

export interface Presence {
  /** Students the log leaves in the call, with the device they were on. */
  stillIn: { studentId: string; deviceId: string | null }[];
  /** Students whose last leaving was not their choice: their coming back is a reconnection. */
  dropped: string[];
}

/** Entries in log order (oldest first); a session that ended (SessionEnded) has nobody in it. */
export function presenceFromLog(entries: readonly PresenceEntry[]): Presence {
  const last = new Map<string, PresenceEntry>();
  for (const entry of entries) {
    if (entry.type === 'SessionEnded') last.clear();
    else if (entry.actor && (IN_CALL.has(entry.type) || OUT_OF_CALL.has(entry.type))) last.set(entry.actor, entry);
  }
  const stillIn: Presence['stillIn'] = [];
  const dropped: string[] = [];
  for (const [studentId, entry] of last) {
    if (IN_CALL.has(entry.type)) stillIn.push({ studentId, deviceId: entry.deviceId });
    else if (entry.type === 'ParticipantDropped' || DROP_REASONS.has(String(entry.detail.reason))) dropped.push(studentId);
  }
  return { stillIn, dropped };
}
