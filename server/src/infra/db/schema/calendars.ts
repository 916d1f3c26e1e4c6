import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { schools } from './schools.js';
import { staff } from './staff.js';

// Each school's calendar and closures, and staff members' calendar-feed addresses.

/** A school's time: bell schedule, Week A/B cycle, and terms. Closures live apart; the iPad pool is the school's enrolled devices. */
export const schoolCalendars = pgTable('school_calendars', {
  schoolId: uuid('school_id').primaryKey().references(() => schools.id),
  bellSchedule: jsonb('bell_schedule').$type<Record<string, { name: string; start: string; end: string }[]>>().notNull(),
  cycleWeeks: integer('cycle_weeks').notNull(),
  knownWeekAMonday: date('known_week_a_monday').notNull(),
  terms: jsonb('terms').$type<{ name: string; start: string; end: string }[]>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => staff.id),
});

export const schoolClosures = pgTable(
  'school_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    date: date('date').notNull(),
    fromTime: text('from_time'),
    toTime: text('to_time'),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('school_closures_school_idx').on(t.schoolId, t.date)],
);

/** A staff member's secret calendar-feed address; only its hash is stored, and it can be revoked. */
export const calendarFeeds = pgTable('calendar_feeds', {
  tokenHash: text('token_hash').primaryKey(),
  staffId: uuid('staff_id').notNull().references(() => staff.id),
  /** 'school': every session of the school; 'mine': only the series this member of staff booked. */
  scope: text('scope', { enum: ['school', 'mine'] }).notNull().default('school'),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
