import type { Concern, ConcernAmendment, ConcernClosing, ConcernSource, ConcernStatus } from './concern.js';
import { Temporal } from 'temporal-polyfill';
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
  /** `schoolName` and `yearGroup` are null where they could not be looked up. */
  children: { studentId: string; schoolId: string; firstName: string; lastName: string | null; schoolName: string | null; yearGroup: number | null }[];
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
    /** Who made the entry in words ("Mr Ravi Patel"; a child as first name and school). */
    byName: string;
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
export function concernToJson(concern: Concern, forSchoolId: string, names: ConcernNames = {}): ConcernJson {
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
      schoolName: names.schoolName?.(c.schoolId) ?? null,
      yearGroup: names.yearGroup?.(c.studentId) ?? null,
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
      byName: amendmentWords(concern, a, names, 'new').recordedBy,
      kind: a.kind,
      fromStatus: a.fromStatus ?? null,
      toStatus: a.toStatus ?? null,
      text: a.text ?? null,
      reason: a.reason ?? null,
      closing: a.closing ? { ...a.closing } : null,
    })),
  };
}

/**
 * The CSV's columns, in the order a DSL reads an entry in CPOMS or MyConcern or
 * on paper; the reference (ids, for checking against Peerbridge) comes last.
 */
export const CSV_COLUMNS = ['Date', 'Time', 'Child', 'School', 'Year', 'What happened', 'Recorded by', 'Action taken / Status', 'Reference'] as const;

/** Names the file uses instead of ids, looked up when it is made; a plain placeholder stands where one is unknown, never an id. */
export interface ConcernNames {
  schoolName?: (schoolId: string) => string | undefined;
  staffName?: (staffId: string) => string | undefined;
  yearGroup?: (studentId: string) => number | undefined;
  /** The exporting school's IANA zone, for the Date and Time columns; UTC without one. */
  timeZone?: string;
}

const STATUS_WORDS: Record<ConcernStatus, string> = { new: 'New', acknowledged: 'Acknowledged', in_progress: 'In progress', closed: 'Closed' };

/** One entry of a concern in a DSL's words: what happened, who recorded it, and the action or the status it left. */
export interface AmendmentWords {
  what: string;
  recordedBy: string;
  actionOrStatus: string;
}

export function amendmentWords(concern: Concern, a: ConcernAmendment, names: ConcernNames, statusAfter: ConcernStatus): AmendmentWords {
  const school = (id: string) => names.schoolName?.(id) ?? 'partner school';
  const childName = (studentId: string | null) => {
    const child = concern.children.find((c) => c.studentId === studentId);
    return child ? `${child.firstName} (${school(child.schoolId)})` : 'a student';
  };
  const recordedBy = a.byStaffId ? (names.staffName?.(a.byStaffId) ?? 'a member of staff') : childName(a.byStudentId);
  const status = STATUS_WORDS[statusAfter];
  switch (a.kind) {
    case 'raised': {
      const how = concern.source.kind === 'student' ? `${childName(concern.source.studentId)} pressed “I’m worried” during a session` : 'Concern raised by staff';
      return { what: a.text ? `${how}: ${a.text}` : concern.source.kind === 'student' ? `${how} (no words given)` : how, recordedBy, actionOrStatus: status };
    }
    case 'status_changed':
      return { what: `Status changed from ${a.fromStatus ? STATUS_WORDS[a.fromStatus] : 'New'} to ${a.toStatus ? STATUS_WORDS[a.toStatus] : status}`, recordedBy, actionOrStatus: status };
    case 'note':
      return { what: a.byStudentId ? `${childName(a.byStudentId)} added in their own words: ${a.text ?? ''}` : `Note: ${a.text ?? ''}`, recordedBy, actionOrStatus: status };
    case 'action':
      return { what: 'Action recorded', recordedBy, actionOrStatus: a.text ?? '' };
    case 'decision':
      return { what: `Decision: ${a.text ?? ''}. Reason: ${a.reason ?? ''}`, recordedBy, actionOrStatus: status };
    case 'closed':
      return {
        what: `Closed. Summary: ${a.closing?.summary ?? ''}`,
        recordedBy,
        actionOrStatus: `Actions taken: ${a.closing?.actionsTaken ?? ''}. Outcome: ${a.closing?.outcome ?? ''}`,
      };
  }
}

/** A date and time in the school's own zone, as staff write them: 24/11/2026 and 08:52. */
export function schoolDateTime(at: string, timeZone = 'UTC'): { date: string; time: string } {
  const local = Temporal.Instant.from(at).toZonedDateTimeISO(timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return { date: `${two(local.day)}/${two(local.month)}/${local.year}`, time: `${two(local.hour)}:${two(local.minute)}` };
}

/**
 * One row per entry of each concern, oldest first (RFC 4180, CRLF line ends,
 * header first). The exporting school's own children carry their last name;
 * a partner school's child is only first name, school and year, as everywhere.
 */
export function concernsToCsv(concerns: Concern[], forSchoolId: string, names: ConcernNames = {}): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const school = (id: string) => names.schoolName?.(id) ?? 'partner school';
  for (const concern of concerns) {
    const children = concern.children.map((c) => ({
      name: c.schoolId === forSchoolId && c.lastName ? `${c.firstName} ${c.lastName}` : c.firstName,
      school: school(c.schoolId),
      year: names.yearGroup?.(c.studentId),
    }));
    let status: ConcernStatus = 'new';
    for (const a of [...concern.amendments].sort((x, y) => x.seq - y.seq)) {
      if (a.toStatus) status = a.toStatus;
      const words = amendmentWords(concern, a, names, status);
      const { date, time } = schoolDateTime(a.at, names.timeZone);
      rows.push([
        date,
        time,
        children.map((c) => c.name).join('; '),
        children.map((c) => c.school).join('; '),
        children.map((c) => (c.year === undefined ? '' : `Year ${c.year}`)).join('; '),
        words.what,
        words.recordedBy,
        words.actionOrStatus,
        `Peerbridge concern ${concern.id} entry ${a.seq}`,
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
