import { z } from 'zod';
import { IsoInstant, Uuid } from '../ids.js';
import { StaffRole } from './staff-sign-in.js';

/** What a member of staff did with a child's record (a session log, a concern, a chronology). */
export const RecordAccess = z.enum(['viewed', 'listed', 'amended', 'verified', 'exported_json', 'exported_csv', 'evidence_downloaded']);
export type RecordAccess = z.infer<typeof RecordAccess>;

/** One read of a record, oldest first: who, how and when. */
export const RecordView = z.object({
  staffId: Uuid,
  fullName: z.string(),
  /** The reader's roles and school as they stand now (a reader may be from the partner school). */
  roles: z.array(StaffRole),
  schoolName: z.string().nullable(),
  access: RecordAccess,
  at: IsoInstant,
});
export type RecordView = z.infer<typeof RecordView>;

export const RecordViewsResponse = z.object({ views: z.array(RecordView) });
