import type { ObserverInfo, PeerInfo, SessionEndReason } from '@peerbridge/shared';
import type { PeerbridgeErrorCode } from '../../lib/peerbridge-error';
import type { ChatEntry } from '../../lib/remote-room/remote-room';
import { noRemoteMedia, type RemoteMedia } from '../../lib/remote-room/remote-producers';

/**
 * The call as the UI sees it. `waiting` … `ended` are the in-call phases (the
 * `data-state` of the call screen); `idle` and `joining` belong to pre-join.
 */
export type CallPhase = 'idle' | 'joining' | 'waiting' | 'connected' | 'partner-left' | 'reconnecting' | 'ended';

/** The server's reasons, plus the ones the client decides for itself. */
export type CallEndReason = SessionEndReason | 'connection_lost' | 'left';

export interface CallEnd {
  reason: CallEndReason;
  message: string;
}

export interface CallState {
  phase: CallPhase;
  partner: PeerInfo | null;
  remote: RemoteMedia;
  micEnabled: boolean;
  cameraEnabled: boolean;
  end: CallEnd | null;
  /** A problem worth telling the user that does not end the call. */
  notice: string | null;
  /** Audio first: the server has paused the video we receive because our connection is too slow for it. */
  videoPausedForBandwidth: boolean;
  /** Staff watching right now. Both students always see them (safeguarding: never observed unknowingly). */
  observers: ObserverInfo[];
  /** This call's chat, oldest first. Kept across automatic rejoins: it is the same session. */
  chat: ChatEntry[];
  /** ICE restarts asked for during this call (diagnostics: a blip was healed without a rejoin). */
  iceRestarts: number;
  /** Automatic rejoins (with the join token) during this call. */
  rejoins: number;
}

export const initialCallState: CallState = {
  phase: 'idle',
  partner: null,
  remote: noRemoteMedia,
  micEnabled: true,
  cameraEnabled: true,
  end: null,
  notice: null,
  videoPausedForBandwidth: false,
  observers: [],
  chat: [],
  iceRestarts: 0,
  rejoins: 0,
};

const inCallPhases: ReadonlySet<CallPhase> = new Set(['waiting', 'connected', 'partner-left', 'reconnecting', 'ended']);

export function isInCall(phase: CallPhase): boolean {
  return inCallPhases.has(phase);
}

/** Phases in which media is flowing (or could be) and server pushes apply. */
export function isJoined(phase: CallPhase): boolean {
  return phase === 'waiting' || phase === 'connected' || phase === 'partner-left';
}

export function endTitle(reason: CallEndReason): string {
  switch (reason) {
    case 'time_up':
      return 'This session has finished';
    case 'replaced':
      return 'You joined from another iPad';
    case 'server_shutdown':
      return 'Peerbridge is restarting; try again in a minute';
    case 'media_lost':
    case 'connection_lost':
      return 'The connection was lost';
    case 'left':
      return 'You left the session';
    case 'device_revoked':
      return 'This iPad has been removed from Peerbridge';
    case 'ended_by_staff':
      return 'A member of staff has ended this session';
  }
}

/**
 * A calm second line. Where the reason says it all we use our own words; where
 * it doesn't (a failed reconnect), the server's or error's message explains.
 */
export function endDetail(end: CallEnd): string {
  switch (end.reason) {
    case 'time_up':
      return 'Thank you for taking part.';
    case 'replaced':
      return 'This iPad has left the call. You can carry on from the other one.';
    case 'server_shutdown':
      return 'Go back to today’s sessions and join again in a minute.';
    case 'left':
      return '';
    case 'device_revoked':
      return 'Your school has removed this iPad. Ask your coordinator if you need it set up again.';
    case 'ended_by_staff':
      // The same kind words whoever ended it and why: no blame, no details.
      return "You haven't done anything wrong by seeing this message. Your coordinator will talk to you about what happens next.";
    case 'media_lost':
    case 'connection_lost':
      return end.message || 'Check the Wi-Fi, then go back and join again.';
  }
}

/** After an automatic rejoin fails, say why in the terms of the end screen. */
export function endReasonForError(code: PeerbridgeErrorCode): CallEndReason {
  switch (code) {
    case 'session_over':
      return 'time_up';
    case 'shutting_down':
      return 'server_shutdown';
    case 'session_ended_by_staff':
      return 'ended_by_staff';
    default:
      return 'connection_lost';
  }
}
