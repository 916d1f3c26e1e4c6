import type { ChainVerification } from './session-log-api';

const problems: Record<Extract<ChainVerification, { ok: false }>['firstBroken']['problem'], string> = {
  content_changed: 'its content was changed',
  link_broken: 'its link to the entry before it is broken',
  sequence_gap: 'entries are missing before it',
};

/** The verification answer as one sentence a safeguarding lead can quote. */
export function describeVerification(result: ChainVerification): string {
  if (result.ok) return `Log intact (${result.entries} ${result.entries === 1 ? 'entry' : 'entries'})`;
  const { seq, problem } = result.firstBroken;
  return `Entry #${seq} has been altered (${problems[problem] ?? problem})`;
}
