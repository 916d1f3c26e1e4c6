import { and, asc, desc, eq, gte, inArray } from 'drizzle-orm';
import type { SessionEventType } from '@peerbridge/shared';
import type { Temporal } from 'temporal-polyfill';
import { entryHash, GENESIS_HASH, type ChainEntryContent } from '../../domain/audit/hash-chain.js';
import type { SignatureChecker, Signer } from '../../domain/audit/signature.js';
import {
  checkpointSigningMessage,
  entrySigningMessage,
  verifySignedLog,
  type CheckpointReason,
  type LogVerification,
  type SignedCheckpoint,
  type SignedEntry,
} from '../../domain/audit/signed-log.js';
import type { Db } from './database.js';
import { sessionEvents, sessionLogAnchors, sessionLogCheckpoints } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** Every kind of entry in a session's log (the names are the shared contract's). */
export type { SessionEventType };

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

/**
 * The session log. Append-only (this class has no update and no delete, and
 * the database refuses them anyway), hash-chained per session, every entry
 * signed, and its head checkpointed when the session ends (see signed-log.ts).
 */
export class SessionEventRepository {
  constructor(
    private readonly db: Db,
    private readonly keys: Signer & SignatureChecker,
  ) {}

  /**
   * Appends one entry durably. Two nodes appending to one session at once
   * both read the same head; the unique (session, seq) constraint lets only
   * one win, and the other recomputes on the new head and tries again.
   */
  async append(event: NewSessionEvent): Promise<SignedEntry> {
    const entry = await this.appendEntry(event);
    // The end of a session is the moment its log is complete: seal the head.
    if (event.type === 'SessionEnded') await this.checkpoint(event.occurrenceId, 'session_ended', event.at);
    return entry;
  }

  private async appendEntry(event: NewSessionEvent): Promise<SignedEntry> {
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
          const { keyId, signature } = this.keys.sign(entrySigningMessage({ ...content, hash }));
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
              keyId,
              signature,
            })
            .returning({ id: sessionEvents.id });
          return { ...content, id: row!.id, prevHash: head.hash, hash, keyId, signature };
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /** Sessions with an entry at or after `since` (at start-up: whose calls a stopped server may have cut off). */
  async sessionsWithEntriesSince(since: Temporal.Instant): Promise<string[]> {
    const rows = await this.db
      .selectDistinct({ occurrenceId: sessionEvents.occurrenceId })
      .from(sessionEvents)
      .where(gte(sessionEvents.at, new Date(since.epochMilliseconds)));
    return rows.map((r) => r.occurrenceId);
  }

  /** The entries of the given kinds across many sessions in one query (a child's chronology), oldest first per session. */
  async listOfTypes(occurrenceIds: string[], types: SessionEventType[]): Promise<Array<{ sessionId: string; at: string; type: string; actor: string | null; detail: Record<string, unknown> }>> {
    if (occurrenceIds.length === 0 || types.length === 0) return [];
    const rows = await this.db
      .select({ sessionId: sessionEvents.occurrenceId, at: sessionEvents.at, type: sessionEvents.type, actor: sessionEvents.actor, detail: sessionEvents.detail })
      .from(sessionEvents)
      .where(and(inArray(sessionEvents.occurrenceId, occurrenceIds), inArray(sessionEvents.type, types)))
      .orderBy(asc(sessionEvents.occurrenceId), asc(sessionEvents.seq));
    return rows.map((r) => ({ ...r, at: r.at.toISOString() }));
  }

  async list(occurrenceId: string): Promise<SignedEntry[]> {
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
      keyId: r.keyId,
      signature: r.signature,
    }));
  }

  /**
   * Signs a statement of the session's current head. Skipped when the newest checkpoint already
   * says the same (ending, closing and exporting an unchanged log add nothing). Two nodes
   * checkpointing at once: the unique (session, number) lets one win; the other retries.
   */
  async checkpoint(occurrenceId: string, reason: CheckpointReason, at: Temporal.Instant): Promise<SignedCheckpoint | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(async (tx) => {
          const db = tx as unknown as Db;
          const head = await this.head(db, occurrenceId);
          const [last] = await db
            .select()
            .from(sessionLogCheckpoints)
            .where(eq(sessionLogCheckpoints.occurrenceId, occurrenceId))
            .orderBy(desc(sessionLogCheckpoints.number))
            .limit(1);
          if (head.seq === 0 || (last && last.seq === head.seq && last.headHash === head.hash && reason !== 'purged')) return undefined;
          const content = {
            sessionId: occurrenceId,
            number: (last?.number ?? 0) + 1,
            seq: head.seq,
            headHash: head.hash,
            reason,
            at: new Date(at.epochMilliseconds).toISOString(),
          };
          const signature = this.keys.sign(checkpointSigningMessage(content));
          await db.insert(sessionLogCheckpoints).values({ ...content, occurrenceId, at: new Date(content.at), ...signature });
          return { ...content, ...signature };
        });
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  async checkpoints(occurrenceId: string): Promise<SignedCheckpoint[]> {
    const rows = await this.db
      .select()
      .from(sessionLogCheckpoints)
      .where(eq(sessionLogCheckpoints.occurrenceId, occurrenceId))
      .orderBy(asc(sessionLogCheckpoints.number));
    return rows.map((r) => ({
      sessionId: r.occurrenceId,
      number: r.number,
      seq: r.seq,
      headHash: r.headHash,
      reason: r.reason as CheckpointReason,
      at: r.at.toISOString(),
      keyId: r.keyId,
      signature: r.signature,
    }));
  }

  /** Everything a verifier needs about one session's log, as stored. */
  async snapshot(occurrenceId: string) {
    const [entries, anchor, checkpoints] = await Promise.all([
      this.list(occurrenceId),
      this.anchor(this.db, occurrenceId),
      this.checkpoints(occurrenceId),
    ]);
    return { entries, anchor: anchor ?? null, checkpoints };
  }

  /** Recomputes the chain, checks every signature and checkpoint, and names the first thing that does not hold. */
  async verify(occurrenceId: string): Promise<LogVerification> {
    const { entries, anchor, checkpoints } = await this.snapshot(occurrenceId);
    return verifySignedLog({ sessionId: occurrenceId, entries, anchor: anchor ?? undefined, checkpoints, checker: this.keys });
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
