import type { ChainVerification } from './session-log-api';

/** The verification answer as one sentence a safeguarding lead can quote; the server words it. */
export function describeVerification(result: ChainVerification): string {
  if (result.ok) return `Log intact (${result.entries} ${result.entries === 1 ? 'entry' : 'entries'})`;
  return result.message;
}
