import { scheduleChanges, sessionOccurrences } from '../infra/db/schema.js';
import type { TestServer } from './test-server.js';

/** A cancelled session of the pairing and the change that logged it, without a proposed replacement. */
export async function cancelledSessionChange(server: TestServer, partnershipId: string, pairingId: string): Promise<number> {
  const db = server.database.db;
  const start = new Date(server.clock.now().add({ hours: 24 * 30 }).epochMilliseconds);
  const [occurrence] = await db
    .insert(sessionOccurrences)
    .values({ pairingId, startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000), status: 'cancelled', cancelReason: 'Matrix' })
    .returning();
  const [change] = await db
    .insert(scheduleChanges)
    .values({ partnershipId, at: start, kind: 'occurrence_cancelled', occurrenceId: occurrence!.id, detail: { reason: 'Matrix', proposedReplacement: null } })
    .returning();
  return change!.id;
}
