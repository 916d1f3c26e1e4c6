import { bigserial, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { devices } from './devices.js';
import { sessionOccurrences } from './timetable.js';

// The signed, hash-chained session log, its checkpoints and anchors, and the record of purges.

/**
 * The session event log: append-only, ordered by seq within each session, and
 * hash-chained (each entry stores the hash of the one before) so a row changed
 * behind the application's back is detected. The migrations stop the
 * application from updating or deleting rows here.
 */
export const sessionEvents = pgTable(
  'session_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurrenceId: uuid('occurrence_id').notNull().references(() => sessionOccurrences.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** Who acted: a student or staff id; null for the system (e.g. the session ending). */
    actor: uuid('actor'),
    deviceId: uuid('device_id').references(() => devices.id),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * The server's Ed25519 signature of this entry's hash, and which key made it. The key never
     * enters the database, so whoever can write rows here still cannot write a row that verifies.
     * Null only on entries written before logs were signed.
     */
    keyId: text('key_id'),
    signature: text('signature'),
  },
  (t) => [unique('session_events_seq').on(t.occurrenceId, t.seq)],
);

/**
 * Signed statements of a session log's head ("entry 12 has hash …"), made when a session ends and
 * before it is purged. A row dropped from the end of the log leaves a checkpoint pointing past it.
 * Append-only, and kept when the log itself is purged.
 */
export const sessionLogCheckpoints = pgTable(
  'session_log_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    occurrenceId: uuid('occurrence_id').notNull().references(() => sessionOccurrences.id),
    /** 1, 2, 3… within the session, so a checkpoint can be named to a DSL. */
    number: integer('number').notNull(),
    seq: integer('seq').notNull(),
    headHash: text('head_hash').notNull(),
    reason: text('reason').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [unique('session_log_checkpoints_number').on(t.occurrenceId, t.number)],
);

/** Where a session's chain continues from after older entries were purged by the retention policy. */
export const sessionLogAnchors = pgTable(
  'session_log_anchors',
  {
    occurrenceId: uuid('occurrence_id').notNull().references(() => sessionOccurrences.id),
    purgedThroughSeq: integer('purged_through_seq').notNull(),
    headHash: text('head_hash').notNull(),
    purgedAt: timestamp('purged_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.occurrenceId] })],
);

/** What each run of the retention job removed: kept so that a purge is itself on the record. Append-only. */
export const retentionPurges = pgTable('retention_purges', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ranAt: timestamp('ran_at', { withTimezone: true }).notNull(),
  sessionsPurged: integer('sessions_purged').notNull(),
  entriesPurged: integer('entries_purged').notNull(),
  sessionsKeptForConcerns: integer('sessions_kept_for_concerns').notNull(),
});
