import { z } from 'zod';

export const Uuid = z.uuid({ message: 'must be a UUID' });
export const SchoolId = Uuid.brand<'SchoolId'>();
export const StudentId = Uuid.brand<'StudentId'>();
export const SessionId = Uuid.brand<'SessionId'>();

export type SchoolId = z.infer<typeof SchoolId>;
export type StudentId = z.infer<typeof StudentId>;
export type SessionId = z.infer<typeof SessionId>;

/** Opaque identifiers handed out by the media layer (transports, producers, consumers). */
export const MediaObjectId = z.string().min(1).max(64);

export const StudentRole = z.enum(['mentor', 'mentee']);
export type StudentRole = z.infer<typeof StudentRole>;

export const IsoInstant = z.iso.datetime({ offset: true });

/**
 * A date without a time, e.g. 2026-09-07 (calendars, exits, reports). Here, not with the calendar's
 * schemas, so a module needing only a date does not bundle every calendar schema with it.
 */
export const LocalDate = z.iso.date({ message: 'must be a date like 2026-09-07' });
