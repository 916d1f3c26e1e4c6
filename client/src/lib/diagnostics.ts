/**
 * Problems the user is told about in plain words (or that do not matter to
 * them) but that staff debugging an iPad through Web Inspector need to see in
 * full. The one place the client writes to the console.
 */
export function reportProblem(context: string, error: unknown): void {
  // eslint-disable-next-line no-console -- deliberate, see above
  console.warn(`[peerbridge] ${context}`, error);
}
