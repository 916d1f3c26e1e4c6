import { sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { schools } from './schools.js';
import { staff } from './staff.js';

// School iPads and the one-time codes that enrol them.

/**
 * A school iPad. Device tokens name a row here, so a device can be revoked. The
 * school's enrolled (`redeemedAt` set), unrevoked iPads are the pool scheduling books.
 */
export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').notNull().references(() => schools.id),
    label: text('label').notNull(),
    /** Where it lives ("Library"), for the coordinator's list. */
    room: text('room'),
    enrolledBy: uuid('enrolled_by').references(() => staff.id),
    pinFailedAttempts: integer('pin_failed_attempts').notNull().default(0),
    pinLockedUntil: timestamp('pin_locked_until', { withTimezone: true }),
    createdAt: createdAt(),
    /** When a code was first typed on it; until then it is waiting for set-up and not in the pool. */
    redeemedAt: timestamp('redeemed_at', { withTimezone: true }),
    /** Its token's last use, recorded at most about once a minute. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  // Two working iPads of one school never share a name; a removed one frees its name.
  (t) => [uniqueIndex('devices_school_label_uq').on(t.schoolId, sql`lower(${t.label})`).where(sql`${t.revokedAt} IS NULL`)],
);

/** One-time codes typed on an iPad to enrol it; exchanged once for the device token. */
export const deviceEnrolmentCodes = pgTable('device_enrolment_codes', {
  codeHash: text('code_hash').primaryKey(),
  deviceId: uuid('device_id').notNull().references(() => devices.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
