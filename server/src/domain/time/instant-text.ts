/**
 * The text `Temporal.Instant#toString()` gives for an instant of whole milliseconds, without building one:
 * the iPad's today list formats four instants a session on every poll. `Date#toISOString` writes the same
 * calendar fields (and the same ±YYYYYY years outside 0000–9999); Temporal leaves out a fraction of zero and
 * the trailing zeros of any other, so those are trimmed.
 */
export function instantText(epochMilliseconds: number): string {
  const iso = new Date(epochMilliseconds).toISOString();
  const ms = ((epochMilliseconds % 1000) + 1000) % 1000;
  if (ms === 0) return `${iso.slice(0, -5)}Z`;
  if (ms % 100 === 0) return `${iso.slice(0, -3)}Z`;
  if (ms % 10 === 0) return `${iso.slice(0, -2)}Z`;
  return iso;
}
