import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { schools } from './schools.js';
import { staff } from './staff.js';

// School iPads and the one-time codes that enrol them.

/** A school iPad. Device tokens name a row here, so a device can be revoked. */
export const devices = pgTable('devices', {
  id: uuid('id').primaryKey().defaultRandom(),
  schoolId: uuid('school_id').notNull().references(() => schools.id),
  label: text('label').notNull(),
  enrolledBy: uuid('enrolled_by').references(() => staff.id),
  pinFailedAttempts: integer('pin_failed_attempts').notNull().default(0),
  pinLockedUntil: timestamp('pin_locked_until', { withTimezone: true }),
  createdAt: createdAt(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** One-time codes typed on an iPad to enrol it; exchanged once for the device token. */
export const deviceEnrolmentCodes = pgTable('device_enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  deviceId: uuid('device_id').notNull().references(() => devices.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
