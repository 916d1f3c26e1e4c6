import type { Concern, ConcernAmendment, ConcernClosing, ConcernSource, ConcernStatus } from './concern.js';
import { currentStatus } from './concern-workflow.js';

/**
 * Exports for schools' own safeguarding systems (CPOMS, MyConcern). Both
 * shapes are a contract with tools we do not control: add fields, never
 * rename or remove them without bumping `version`.
 */

/**
 * Version 1 of the JSON export. Every key is always present (null when there
 * is nothing to say), so importers need no optional-field handling; instants
 * are ISO 8601 in UTC; `amendments` are in `seq` order, oldest first.
 */
export interface ConcernJson {
  format: 'peerbridge.concern';
  version: 1;
  /** The school whose record system this copy is for; only its own children carry a last name. */
  exportedForSchoolId: string;
  id: string;
  sessionId: string | null;
  raisedAt: string;
  /** Derived from the amendments at the time of export. */
  status: ConcernStatus;
  source: ConcernSource;
  children: { studentId: string; schoolId: string; firstName: string; lastName: string | null }[];
  schoolIds: string[];
  whatHappened: string | null;
  presentAtTime: string[];
  logExcerpt: { at: string; type: string; summary: string; actor: string | null; detail: Record<string, unknown> }[];
  /** The closing summary, actions taken and outcome, once closed. */
  closing: ConcernClosing | null;
  amendments: {
    seq: number;
    at: string;
    byStaffId: string | null;
    byStudentId: string | null;
    kind: ConcernAmendment['kind'];
    fromStatus: ConcernStatus | null;
    toStatus: ConcernStatus | null;
    text: string | null;
    reason: string | null;
    closing: ConcernClosing | null;
  }[];
}

/** Asked to export a concern to a school none of whose children are involved. */
export class ConcernExportError extends Error {
  readonly code = 'forbidden' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ConcernExportError';
  }
}

/**
 * Takes the receiving school because partner-school children may only be
 * shown by first name and school (ICO Children's Code): a last name that
 * slipped into the concern is dropped here rather than exported.
 */
export function concernToJson(concern: Concern, forSchoolId: string): ConcernJson {
  if (!concern.schoolIds.includes(forSchoolId)) {
    throw new ConcernExportError(`school ${forSchoolId} is not involved in concern ${concern.id}`);
  }
  const closed = concern.amendments.findLast((a) => a.closing);
  return {
    format: 'peerbridge.concern',
    version: 1,
    exportedForSchoolId: forSchoolId,
    id: concern.id,
    sessionId: concern.sessionId,
    raisedAt: concern.raisedAt,
    status: currentStatus(concern),
    source: { ...concern.source },
    children: concern.children.map((c) => ({
      studentId: c.studentId,
      schoolId: c.schoolId,
      firstName: c.firstName,
      lastName: c.schoolId === forSchoolId ? (c.lastName ?? null) : null,
    })),
    schoolIds: [...concern.schoolIds],
    whatHappened: concern.whatHappened,
    presentAtTime: [...concern.presentAtTime],
    logExcerpt: concern.logExcerpt.map((e) => ({ at: e.at, type: e.type, summary: e.summary, actor: e.actor ?? null, detail: { ...(e.detail ?? {}) } })),
    closing: closed?.closing ? { ...closed.closing } : null,
    amendments: concern.amendments.map((a) => ({
      seq: a.seq,
      at: a.at,
      byStaffId: a.byStaffId,
      byStudentId: a.byStudentId,
      kind: a.kind,
      fromStatus: a.fromStatus ?? null,
      toStatus: a.toStatus ?? null,
      text: a.text ?? null,
      reason: a.reason ?? null,
      closing: a.closing ? { ...a.closing } : null,
    })),
  };
}

export const CSV_COLUMNS = [
  'concern_id',
  'raised_at',
  'status',
  'children',
  'seq',
  'kind',
  'at',
  'by',
  'from_status',
  'to_status',
  'text',
  'reason',
  'summary',
  'actions_taken',
  'outcome',
  /** When the session the concern is about started (ISO instant), not when the concern was raised. */
  'session_start',
  /** Who made the amendment, by name ("Ms Dana Hill"; a child as first name and school). */
  'by_name',
] as const;

/** Names the file can use instead of ids, looked up when it is made; an id stands where one is unknown. */
export interface CsvNames {
  schoolName?: (schoolId: string) => string | undefined;
  staffName?: (staffId: string) => string | undefined;
  sessionStart?: (sessionId: string) => string | undefined;
}

/**
 * One row per amendment (RFC 4180, CRLF line ends, header first). Children are
 * listed by first name and school only, so the file is safe for either school.
 */
export function concernsToCsv(concerns: Concern[], names: CsvNames = {}): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const school = (id: string) => names.schoolName?.(id) ?? id;
  for (const concern of concerns) {
    const status = currentStatus(concern);
    const children = concern.children.map((c) => `${c.firstName} (${school(c.schoolId)})`).join('; ');
    const sessionStart = concern.sessionId ? (names.sessionStart?.(concern.sessionId) ?? '') : '';
    const byName = (a: Concern['amendments'][number]) => {
      if (a.byStaffId) return names.staffName?.(a.byStaffId) ?? '';
      const child = concern.children.find((c) => c.studentId === a.byStudentId);
      return child ? `${child.firstName} (${school(child.schoolId)})` : '';
    };
    for (const a of concern.amendments) {
      rows.push([
        concern.id,
        concern.raisedAt,
        status,
        children,
        String(a.seq),
        a.kind,
        a.at,
        a.byStaffId ? `staff:${a.byStaffId}` : a.byStudentId ? `student:${a.byStudentId}` : '',
        a.fromStatus ?? '',
        a.toStatus ?? '',
        a.text ?? '',
        a.reason ?? '',
        a.closing?.summary ?? '',
        a.closing?.actionsTaken ?? '',
        a.closing?.outcome ?? '',
        sessionStart,
        byName(a),
      ]);
    }
  }
  return rows.map((row) => row.map(csvField).join(',') + '\r\n').join('');
}

/**
 * A spreadsheet would run a child's "=..." or "-..." as a formula, so such
 * fields get a leading apostrophe (OWASP CSV injection). The JSON export
 * keeps the words untouched.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
