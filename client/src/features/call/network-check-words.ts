import { networkDetailLine, networkVerdict, type NetworkCheckResult, type NetworkVerdict } from '@peerbridge/shared';

export type NetworkCheckState =
  | { status: 'checking' }
  | { status: 'done'; result: NetworkCheckResult }
  /** The server would not start a check (busy, or asked too often): the call itself may still work. */
  | { status: 'unavailable' };

export interface NetworkCheckWords {
  /** For the child. */
  headline: string;
  /** For a member of staff standing by; null while checking. */
  detail: string | null;
  tone: 'info' | 'good' | 'warning' | 'error';
  verdict: NetworkVerdict | null;
}

const VERDICT_WORDS: Record<NetworkVerdict, { headline: string; tone: NetworkCheckWords['tone'] }> = {
  good: { headline: 'Your connection looks good', tone: 'good' },
  audio_only: { headline: 'Your connection is slow, so you may only hear each other', tone: 'warning' },
  not_possible: { headline: "We can't connect from this Wi-Fi: please tell a member of staff", tone: 'error' },
};

export function networkCheckWords(state: NetworkCheckState): NetworkCheckWords {
  if (state.status === 'checking') return { headline: 'Checking your connection…', detail: null, tone: 'info', verdict: null };
  if (state.status === 'unavailable') {
    return { headline: "We couldn't check your connection, but you can still join", detail: 'network check not available', tone: 'info', verdict: null };
  }
  const verdict = networkVerdict(state.result);
  return { ...VERDICT_WORDS[verdict], detail: networkDetailLine(state.result), verdict };
}
