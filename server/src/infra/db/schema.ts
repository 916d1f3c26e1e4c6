/*
 * The database schema, one file per area under schema/. This module is what the
 * application loads (`import * as schema`) and what drizzle-kit reads
 * (drizzle.config.ts), so the two always see the same tables.
 */
export * from './schema/schools.js';
export * from './schema/students.js';
export * from './schema/staff.js';
export * from './schema/timetable.js';
export * from './schema/calendars.js';
export * from './schema/devices.js';
export * from './schema/session-log.js';
export * from './schema/safeguarding.js';
export * from './schema/staff-audit.js';
export * from './schema/programme.js';
