import { z } from 'zod';
import { IsoInstant, LocalDate, Uuid } from '../ids.js';
import { endpoint } from './endpoint.js';
import { IdParams } from './params.js';

/*
 * Programme reports for a coordinator: their own school, or a partnership their school is in. The server
 * sends display-ready tables (each cell's text as the screen shows it, its number for charts, and whether it
 * was suppressed), so the screen, its CSV export and the printable summary all read the same cells.
 */

/** `?term=Autumn 1&yearGroup=11`: a term of the asker's school calendar (by name) and a year group. */
export const ReportQuery = z.strictObject({
  term: z.string().trim().min(1).max(60).optional(),
  yearGroup: z.enum(['7', '8', '9', '10', '11', '12', '13']).optional(),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

/** One figure as shown: `text` is what the screen and CSV show ("<5" when suppressed), `value` null then. */
export const ReportCell = z.object({ text: z.string(), value: z.number().nullable(), suppressed: z.boolean() });
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportRow = z.object({ label: z.string(), cells: z.array(ReportCell) });
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportTableId = z.enum(['referrals_by_reason', 'referrals_by_status', 'students_mentored', 'sessions', 'attendance_by_pairing', 'targets', 'exits_by_reason', 'questionnaire']);
export type ReportTableId = z.infer<typeof ReportTableId>;

export const ReportTable = z.object({
  id: ReportTableId,
  title: z.string(),
  /** Headings of the cells after the row label (the first heading names the label column). */
  columns: z.array(z.string()).min(2),
  rows: z.array(ReportRow),
  /** Which cell of each row the chart draws (an index into `cells`), or null for no chart. */
  chartCell: z.number().int().nullable(),
});
export type ReportTable = z.infer<typeof ReportTable>;

/** A figure that is not shown, and why, so the reader knows the gap is deliberate. */
export const SuppressedFigure = z.object({ table: ReportTableId, row: z.string(), column: z.string(), reason: z.string() });
export type SuppressedFigure = z.infer<typeof SuppressedFigure>;

export const ReportTerm = z.object({ name: z.string(), start: LocalDate, end: LocalDate });

export const ProgrammeReport = z.object({
  scope: z.object({ kind: z.enum(['school', 'partnership']), id: Uuid, name: z.string() }),
  /** The filters applied: the term (with its dates) and the year group, or null for all. */
  filters: z.object({ term: ReportTerm.nullable(), yearGroup: z.number().int().nullable() }),
  /** What the filters can be set to, and the partnerships the asker's school is in. */
  options: z.object({ terms: z.array(ReportTerm), yearGroups: z.array(z.number().int()), partnerships: z.array(z.object({ id: Uuid, name: z.string() })) }),
  /** Counts from 1 to threshold - 1 are not shown. */
  threshold: z.number().int(),
  /** The one-page summary's figures, in order. */
  headline: z.array(z.object({ label: z.string(), cell: ReportCell })),
  tables: z.array(ReportTable),
  suppressed: z.array(SuppressedFigure),
  generatedAt: IsoInstant,
});
export type ProgrammeReport = z.infer<typeof ProgrammeReport>;

const TAG = 'reports';

export const programmeReportEndpoints = {
  schoolReport: endpoint({
    method: 'GET',
    path: '/api/staff/reports/school',
    tag: TAG,
    audience: 'staff',
    summary: "The programme report for the coordinator's own school, filtered by term and year group; small counts suppressed.",
    query: ReportQuery,
    response: ProgrammeReport,
  }),
  partnershipReport: endpoint({
    method: 'GET',
    path: '/api/staff/reports/partnerships/:id',
    tag: TAG,
    audience: 'staff',
    summary: "The programme report for a partnership the coordinator's school is in (both schools), filtered by term and year group.",
    params: IdParams,
    query: ReportQuery,
    response: ProgrammeReport,
  }),
};
