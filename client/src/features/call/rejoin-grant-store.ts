/**
 * The rejoin grant of the call this tab is in, kept in sessionStorage: it survives what it is for
 * (a reload, Safari reloading the tab, the iPad locking) and nothing else. A new tab, or the tab
 * closed, starts without it, so a shared iPad handed on does not carry one child's call to the next.
 * The server decides whether it still works (three minutes after a drop, never after Leave or the end).
 */
const KEY = 'peerbridge.rejoin';

export interface StoredRejoin {
  sessionId: string;
  studentId: string;
  rejoinGrant: string;
}

export function storeRejoin(rejoin: StoredRejoin): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(rejoin));
  } catch {
    // Private browsing may refuse storage: the child types the PIN after a reload, as before.
  }
}

export function readRejoin(): StoredRejoin | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredRejoin>;
    if (typeof value.sessionId === 'string' && typeof value.studentId === 'string' && typeof value.rejoinGrant === 'string') {
      return { sessionId: value.sessionId, studentId: value.studentId, rejoinGrant: value.rejoinGrant };
    }
  } catch {
    // Unreadable: as if there were none.
  }
  return null;
}

export function clearRejoin(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
