import { CHAT_MAX_CHARS as SERVER_CHAT_MAX_CHARS } from '@peerbridge/shared';
import type { ChatEntry } from '../../lib/remote-room/remote-room';

/*
 * The in-call chat as the screen sees it. Messages pass the server's filter
 * (no contact details between children) and are on the session record; the
 * server never echoes our own messages back, so the client adds them itself
 * once the server says they were delivered.
 */

/** The lines themselves are kept by the room (lib/remote-room), which the observer view shares. */
export type { ChatEntry };

/**
 * The server's limit for `chat:send`. The server counts characters as people
 * see them (an emoji is one); counting UTF-16 units here is stricter, so the
 * iPad never sends a message the server would refuse.
 */
export const CHAT_MAX_CHARS = SERVER_CHAT_MAX_CHARS;

/** Shown on the side of the counter only near the limit, so most children never see a number. */
export const CHAT_COUNTER_FROM = 400;

/** The partner's messages that arrived after the first `seen` entries: the unread dot. */
export function unreadCount(entries: readonly ChatEntry[], seen: number): number {
  return entries.slice(Math.max(0, seen)).filter((entry) => entry.from === 'partner').length;
}

/** What the server will accept: trimmed, not empty, not too long. */
export function sendableText(text: string): string | null {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= CHAT_MAX_CHARS ? trimmed : null;
}
