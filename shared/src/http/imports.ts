import { z } from 'zod';
import { IsoInstant } from '../ids.js';
import { CSV_BODY, endpoint } from './endpoint.js';
import { StaffRole } from './staff-sign-in.js';

/** `POST /api/staff/import/students|staff?dryRun=` */
export const ImportQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).optional() });

/** One row to fix, by its line in the file. */
export const ImportProblem = z.object({ line: z.number().int(), reason: z.string() });
export type ImportProblem = z.infer<typeof ImportProblem>;

/*
 * What every MIS import answers, dry run or not. A file with any bad row is
 * answered 422 with the same report (the rows to fix, and a `message`), not
 * with an error envelope, and nothing is written.
 */
export const ImportReportBase = z.object({
  rows: z.number().int(),
  problems: z.array(ImportProblem),
  written: z.boolean(),
  /** Only with a 422: what to do, in a sentence. */
  message: z.string().optional(),
});
export type ImportReportBase = z.infer<typeof ImportReportBase>;

/** What one row sets for matching; null where the row leaves it as it is (a blank cell, or no such column). */
export const ProfileChange = z.object({
  line: z.number().int(),
  admissionNumber: z.string(),
  /** In the file's own syntax, e.g. "A:Mon:P1; Wed:P2", or "none" to clear. */
  freePeriods: z.string().nullable(),
  subjects: z.array(z.string()).nullable(),
});
export type ProfileChange = z.infer<typeof ProfileChange>;

export const StudentImportReport = ImportReportBase.extend({
  dryRun: z.boolean(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  /** The file had only admission numbers and free periods/subjects: it changes nothing else about students on record. */
  profilesOnly: z.boolean(),
  /** Each valid row that sets free periods or subjects. */
  profileChanges: z.array(ProfileChange),
});
export type StudentImportReport = z.infer<typeof StudentImportReport>;

/** A new account and its one-time set-up code: shown once, to the coordinator who hands it on. */
export const CreatedAccount = z.object({
  email: z.string(),
  fullName: z.string(),
  roles: z.array(StaffRole),
  setupCode: z.string(),
  expiresAt: IsoInstant,
});
export type CreatedAccount = z.infer<typeof CreatedAccount>;

export const StaffImportReport = ImportReportBase.extend({
  dryRun: z.boolean(),
  toCreate: z.number().int(),
  /** The file's email addresses that already have an account (left as they are). */
  existing: z.array(z.string()),
  /** Empty unless the accounts were written. */
  created: z.array(CreatedAccount),
});
export type StaffImportReport = z.infer<typeof StaffImportReport>;

export const importEndpoints = {
  students: endpoint({
    method: 'POST',
    path: '/api/staff/import/students',
    tag: 'imports',
    audience: 'staff',
    summary: "Imports the coordinator's school's students from an MIS export, matched by admission number (422: rows to fix, nothing written).",
    query: ImportQuery,
    body: CSV_BODY,
    response: StudentImportReport,
    answerStatuses: [422],
  }),
  staff: endpoint({
    method: 'POST',
    path: '/api/staff/import/staff',
    tag: 'imports',
    audience: 'staff',
    summary: 'Creates staff accounts from an MIS export, each with a one-time set-up code (422: rows to fix, nothing written).',
    query: ImportQuery,
    body: CSV_BODY,
    response: StaffImportReport,
    answerStatuses: [422],
  }),
};
