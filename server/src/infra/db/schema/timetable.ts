import { sql } from 'drizzle-orm';
import { bigserial, check, index, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { partnerships } from './schools.js';
import { staff } from './staff.js';
import { students } from './students.js';

// Pairings and their timetabled sessions, the weekly series they come from, and every change to them.

export const pairings = pgTable(
  'pairings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
    mentorId: uuid('mentor_id').notNull().references(() => students.id),
    menteeId: uuid('mentee_id').notNull().references(() => students.id),
    createdAt: createdAt(),
    /** Set when a coordinator unpairs them (or archives one of them): the row stays, so records stay attributed. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by').references(() => staff.id),
    endReason: text('end_reason'),
  },
  // The partnership index is for the programme reports (migration 0019); the mentee one for a mentee school's session list (0020).
  (t) => [
    unique('pairings_mentor_mentee').on(t.mentorId, t.menteeId),
    index('pairings_partnership_idx').on(t.partnershipId),
    index('pairings_mentee_idx').on(t.menteeId),
  ],
);

export const occurrenceStatus = pgEnum('occurrence_status', ['scheduled', 'cancelled']);

/** One timetabled meeting of a pairing: UTC instants; each school reads them in its own zone. */
export const sessionOccurrences = pgTable(
  'session_occurrences',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: occurrenceStatus('status').notNull().default('scheduled'),
    /** The weekly series it belongs to, if it was created from one. */
    seriesId: uuid('series_id'),
    cancelReason: text('cancel_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    check('session_occurrences_order', sql`${t.endsAt} > ${t.startsAt}`),
    index('session_occurrences_starts_idx').on(t.startsAt),
    // A pair's sessions by start: the day's window and "the next one after this" in one probe (0020).
    index('session_occurrences_pairing_starts_idx').on(t.pairingId, t.startsAt),
  ],
);

export const sessionSeries = pgTable('session_series', {
  id: uuid('id').primaryKey().defaultRandom(),
  pairingId: uuid('pairing_id').notNull().references(() => pairings.id),
  /** The candidate it was made from: weekday and local start time at the anchor school. */
  pattern: jsonb('pattern').$type<Record<string, unknown>>().notNull(),
  createdBy: uuid('created_by').references(() => staff.id),
  createdAt: createdAt(),
  /** Set when the series is ended from a date: its later sessions are cancelled and a new series may be booked. */
  endedAt: timestamp('ended_at', { withTimezone: true }),
});

/** Every timetable change both coordinators must see: who, when, why. Append-only. */
export const scheduleChanges = pgTable(
  'schedule_changes',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    partnershipId: uuid('partnership_id').notNull().references(() => partnerships.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byStaffId: uuid('by_staff_id').references(() => staff.id),
    kind: text('kind').notNull(),
    occurrenceId: uuid('occurrence_id').references(() => sessionOccurrences.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('schedule_changes_partnership_idx').on(t.partnershipId, t.id)],
);
