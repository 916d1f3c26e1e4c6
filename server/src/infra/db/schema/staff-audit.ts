import { bigserial, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { schools } from './schools.js';
import { staff } from './staff.js';

// The staff-action audit trail.

/**
 * The staff-action audit trail: PIN resets, consent and training records,
 * iPads, imports, exports, pairings, series and closures, written in the same
 * transaction as the action. Append-only and hash-chained per school (each
 * entry stores the hash of the school's entry before it); the migrations stop
 * the application from updating or deleting rows here. Never purged.
 */
export const staffAudit = pgTable(
  'staff_audit',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id').notNull().references(() => staff.id),
    actorName: text('actor_name').notNull(),
    /** The action without its kind: what was touched, as it was at the time. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [unique('staff_audit_seq').on(t.schoolId, t.seq), index('staff_audit_school_at_idx').on(t.schoolId, t.at)],
);
