import type { PeerbridgeError } from '../../lib/peerbridge-error';

/** The server asks for the second factor with its own error code; `details.enrolled` says whether there is one yet. */
export type StepUpNeed = { enrolled: boolean } | null;

export function stepUpNeeded(error: PeerbridgeError | null): StepUpNeed {
  if (error?.code !== 'step_up_required') return null;
  return { enrolled: error.details?.enrolled === true };
}

/** Recovery codes are long and typed by hand; an app code is six digits, often shown as "123 456". */
export function looksLikeAppCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s/g, ''));
}
