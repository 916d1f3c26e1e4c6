import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';
import { schools } from './schools.js';

// Staff accounts, their sessions and second factors, and set-up codes for imported accounts.

export const staffRole = pgEnum('staff_role', ['coordinator', 'dsl', 'supervisor', 'admin']);

/** Staff accounts. A deployment admin has no school and no access to children's records. */
export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schoolId: uuid('school_id').references(() => schools.id),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    /** argon2id; never logged, never returned. */
    passwordHash: text('password_hash').notNull(),
    roles: staffRole('roles').array().notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** A deactivated account cannot sign in and its sessions are ended; the row stays for the records it authored. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('staff_email').on(t.email),
    check('staff_school_unless_admin', sql`${t.schoolId} is not null or ${t.roles} = array['admin']::staff_role[]`),
  ],
);

/** Signed-in staff: the cookie holds a random token; only its sha256 is stored. */
export const staffSessions = pgTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    /** Last authenticated use; a session idle for longer than the configured time-out is over. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Until when this session has passed the second-factor step-up (null: not stepped up). */
    steppedUpUntil: timestamp('stepped_up_until', { withTimezone: true }),
  },
  (t) => [index('staff_sessions_staff_idx').on(t.staffId)],
);

/**
 * A member of staff's TOTP authenticator. The shared secret must be readable to check codes, so it is
 * stored encrypted with a key derived from the server's secret, never in the clear.
 */
export const staffSecondFactors = pgTable('staff_second_factors', {
  staffId: uuid('staff_id').primaryKey().references(() => staff.id),
  secretCiphertext: text('secret_ciphertext').notNull(),
  /** Null while enrolment waits for the first correct code. */
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The TOTP time step of the last accepted code: a code cannot be replayed within its window. */
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** Single-use recovery codes for a lost authenticator; only their sha256 is stored. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    staffId: uuid('staff_id').notNull().references(() => staff.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('staff_recovery_codes_staff_idx').on(t.staffId), unique('staff_recovery_codes_hash').on(t.codeHash)],
);

/** One-time codes with which a newly imported member of staff chooses their password. Only hashes are stored. */
export const staffSetupCodes = pgTable('staff_setup_codes', {
  codeHash: text('code_hash').primaryKey(),
  staffId: uuid('staff_id').notNull().references(() => staff.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
