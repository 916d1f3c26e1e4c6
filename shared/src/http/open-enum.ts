import { z } from 'zod';

/**
 * One of the known names, or a name a newer server has added since. For the
 * kinds that records keep for years (log entries, concern amendments): staff
 * screens show a kind they do not know yet in the server's own words rather
 * than refusing the whole record.
 */
export function knownOrNewer<E extends z.ZodEnum>(known: E) {
  return z.union([known, z.string()]);
}
