import { asc, desc, eq } from 'drizzle-orm';
import type { Temporal } from 'temporal-polyfill';
import {
  entryHash,
  GENESIS_HASH,
  verifyChain,
  type ChainEntryContent,
  type ChainVerification,
  type StoredChainEntry,
} from '../../domain/audit/hash-chain.js';
import type { Db } from './database.js';
import { sessionEvents, sessionLogAnchors } from './schema.js';

/** Every kind of entry in a session's log; names are past-tense events. */
export type SessionEventType =
  | 'SessionJoined'
  | 'SessionLeft'
  | 'SessionReconnected'
  | 'MediaToggled'
  | 'ChatMessageSent'
  | 'ChatMessageBlocked'
  | 'ConcernRaised'
  | 'ObserverJoined'
  | 'ObserverLeft'
  | 'SessionEnded';

export interface NewSessionEvent {
  occurrenceId: string;
  type: SessionEventType;
  /** Student or staff id; omitted for the system. */
  actor?: string | null;
  deviceId?: string | null;
  at: Temporal.Instant;
  detail?: Record<string, unknown>;
}

const MAX_APPEND_ATTEMPTS = 5;

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/**
 * The session log. Append-only (this class has no update and no delete, and
 * the database refuses them anyway) and hash-chained per session.
 */
export class SessionEventRepository {
  constructor(private readonly db: Db) {}

  /**
   * Appends one entry durably. Two nodes appending to one session at once
   * both read the same head; the unique (session, seq) constraint lets only
   * one win, and the other recomputes on the new head and tries again.
   */
  async append(event: NewSessionEvent): Promise<StoredChainEntry> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          const head = await this.head(tx as unknown as Db, event.occurrenceId);
          const content: ChainEntryContent = {
            sessionId: event.occurrenceId,
            seq: head.seq + 1,
            type: event.type,
            // Millisecond precision, exactly as the database stores it, so the hash can be recomputed.
            at: new Date(event.at.epochMilliseconds).toISOString(),
            actor: event.actor ?? null,
            deviceId: event.deviceId ?? null,
            detail: event.detail ?? {},
          };
          const hash = entryHash(head.hash, content);
          const [row] = await tx
            .insert(sessionEvents)
            .values({
              occurrenceId: content.sessionId,
              seq: content.seq,
              type: content.type,
              actor: content.actor,
              deviceId: content.deviceId,
              at: new Date(content.at),
              detail: content.detail,
              prevHash: head.hash,
              hash,
            })
            .returning({ id: sessionEvents.id });
          return { ...content, id: row!.id, prevHash: head.hash, hash };
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  async list(occurrenceId: string): Promise<StoredChainEntry[]> {
    const rows = await this.db
      .select()
      .from(sessionEvents)
      .where(eq(sessionEvents.occurrenceId, occurrenceId))
      .orderBy(asc(sessionEvents.seq));
    return rows.map((r) => ({
      id: r.id,
      sessionId: r.occurrenceId,
      seq: r.seq,
      type: r.type,
      at: r.at.toISOString(),
      actor: r.actor,
      deviceId: r.deviceId,
      detail: r.detail,
      prevHash: r.prevHash,
      hash: r.hash,
    }));
  }

  /** Recomputes the session's chain from what is stored and names the first entry that does not hold. */
  async verify(occurrenceId: string): Promise<ChainVerification> {
    const [entries, anchor] = await Promise.all([this.list(occurrenceId), this.anchor(this.db, occurrenceId)]);
    return verifyChain(entries, anchor ? { prevHash: anchor.hash, seq: anchor.seq } : undefined);
  }

  private async head(db: Db, occurrenceId: string): Promise<{ seq: number; hash: string }> {
    const [last] = await db
      .select({ seq: sessionEvents.seq, hash: sessionEvents.hash })
      .from(sessionEvents)
      .where(eq(sessionEvents.occurrenceId, occurrenceId))
      .orderBy(desc(sessionEvents.seq))
      .limit(1);
    if (last) return last;
    return (await this.anchor(db, occurrenceId)) ?? { seq: 0, hash: GENESIS_HASH };
  }

  private async anchor(db: Db, occurrenceId: string): Promise<{ seq: number; hash: string } | undefined> {
    const [anchor] = await db
      .select({ seq: sessionLogAnchors.purgedThroughSeq, hash: sessionLogAnchors.headHash })
      .from(sessionLogAnchors)
      .where(eq(sessionLogAnchors.occurrenceId, occurrenceId))
      .limit(1);
    return anchor;
  }
}
