/**
 * Whether an answer shows a PIN. Ids, dates and digests are taken out first: a random UUID,
 * an ISO date or a hex digest may hold any four digits by chance, and a PIN-leak test that
 * fails one run in a few hundred is worse than none. What is left must not hold the PIN as a
 * number of its own.
 */
export function showsPin(value: unknown, pin: string): boolean {
  const readable = JSON.stringify(value)
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?/g, '<date>')
    .replace(/[A-Za-z0-9+/=_-]{32,}/g, '<digest>');
  return new RegExp(`(?<!\\d)${pin}(?!\\d)`).test(readable);
}
