import type { AttendanceOutcome, SideAttendance } from '@peerbridge/shared';
import { Temporal } from 'temporal-polyfill';
import type { Closure } from '../scheduling/calendar.js';

/*
 * One occurrence's attendance, read from its session log alone: who came, when, whether
 * their media ever reached the server, and whether they stayed. Pure, so every edge case
 * (late, dropped and back, ended by staff, a closure) is a unit test.
 */

/** A log entry as far as attendance goes (the shared SessionLogEntry, with `at` as an instant). */
export interface AttendanceEntry {
  type: string;
  at: Temporal.Instant;
  actor: string | null;
  detail: Record<string, unknown>;
}

/** A span of time a school is shut or its students are elsewhere, as instants. */
export interface ClosureWindow {
  from: Temporal.Instant;
  to: Temporal.Instant;
  reason: string;
}

export interface OccurrenceForAttendance {
  startsAt: Temporal.Instant;
  endsAt: Temporal.Instant;
  status: 'scheduled' | 'cancelled';
  cancelReason: string | null;
}

export interface AttendanceInput {
  occurrence: OccurrenceForAttendance;
  mentorId: string;
  menteeId: string;
  /** Oldest first. */
  entries: readonly AttendanceEntry[];
  /** Both schools' closures near the occurrence. */
  closures: readonly ClosureWindow[];
  /** Each side's own school's threshold: joining more than this many minutes after the start is late. */
  lateAfterMinutes: { mentor: number; mentee: number };
}

/** What one side's attendance was worked out from (stored with the record, shown to staff). */
export interface SideDetail {
  joinedAt?: string;
  minutesLate?: number;
  leftAt?: string;
  minutesEarly?: number;
  /** Why a technical failure: media never reached the server, or the connection dropped and they did not return. */
  failure?: 'no_media' | 'dropped';
}

export interface AttendanceDetail {
  mentor: SideDetail;
  mentee: SideDetail;
  /** Not held: cancelled (with the cancel reason) or a closure (with its reason). */
  notHeld?: { because: 'cancelled' | 'closure'; reason: string };
  /** A member of staff ended the session early, at this instant. */
  endedByStaffAt?: string;
}

export interface AttendanceResult {
  outcome: AttendanceOutcome;
  mentor: SideAttendance;
  mentee: SideAttendance;
  detail: AttendanceDetail;
}

/** Entries that put a student in the call. */
const JOINS = new Set(['SessionJoined', 'SessionReconnected', 'SessionRejoined', 'ParticipantReconnected']);
/** Leavings that were not the student's choice: if they are the last word, the call failed them. */
const DROP_REASONS = new Set(['disconnected', 'media_lost', 'server_shutdown', 'server_stopped', 'replaced', 'rejoined', 'device_revoked']);

interface SideTrace {
  firstJoin?: Temporal.Instant;
  /** The last time they went out of the call and did not come back (undefined: in at the end). */
  finalExit?: { at: Temporal.Instant; dropped: boolean };
  mediaFlowed: boolean;
}

function trace(entries: readonly AttendanceEntry[], studentId: string, end: Temporal.Instant): SideTrace {
  const side: SideTrace = { mediaFlowed: false };
  for (const entry of entries) {
    if (entry.actor !== studentId || Temporal.Instant.compare(entry.at, end) > 0) continue;
    if (entry.type === 'MediaFlowing') side.mediaFlowed = true;
    else if (JOINS.has(entry.type)) {
      side.firstJoin ??= entry.at;
      side.finalExit = undefined;
    } else if (entry.type === 'ParticipantDropped') side.finalExit = { at: entry.at, dropped: true };
    else if (entry.type === 'SessionLeft') {
      const reason = String(entry.detail.reason);
      // Leaving because the session ended is staying to the end.
      if (reason === 'time_up' || reason === 'ended_by_staff') continue;
      side.finalExit = { at: entry.at, dropped: DROP_REASONS.has(reason) };
    }
  }
  return side;
}

/** Was `other` in the call at instant `at`? */
function inCallAt(other: SideTrace, at: Temporal.Instant): boolean {
  if (!other.firstJoin || Temporal.Instant.compare(other.firstJoin, at) > 0) return false;
  return !other.finalExit || Temporal.Instant.compare(other.finalExit.at, at) > 0;
}

const minutesBetween = (from: Temporal.Instant, to: Temporal.Instant) => Math.floor(from.until(to).total('minutes'));

function sideAttendance(
  me: SideTrace,
  partner: SideTrace,
  start: Temporal.Instant,
  end: Temporal.Instant,
  lateAfter: number,
): { attendance: SideAttendance; detail: SideDetail } {
  if (!me.firstJoin) return { attendance: 'absent', detail: {} };
  const detail: SideDetail = { joinedAt: me.firstJoin.toString() };
  if (!me.mediaFlowed) return { attendance: 'technical_failure', detail: { ...detail, failure: 'no_media' } };
  const late = minutesBetween(start, me.firstJoin);
  const isLate = late > lateAfter;
  if (isLate) detail.minutesLate = late;
  let leftEarly = false;
  if (me.finalExit) {
    detail.leftAt = me.finalExit.at.toString();
    const early = minutesBetween(me.finalExit.at, end);
    if (me.finalExit.dropped) return { attendance: 'technical_failure', detail: { ...detail, failure: 'dropped' } };
    // Leaving an empty call (the partner gone or never there) is not leaving the mentoring early.
    if (early > lateAfter && inCallAt(partner, me.finalExit.at)) {
      leftEarly = true;
      detail.minutesEarly = early;
    }
  }
  const attendance: SideAttendance = isLate && leftEarly ? 'late_and_left_early' : isLate ? 'late' : leftEarly ? 'left_early' : 'present';
  return { attendance, detail };
}

function overlapsClosure(occurrence: OccurrenceForAttendance, closures: readonly ClosureWindow[]): ClosureWindow | undefined {
  return closures.find((c) => Temporal.Instant.compare(c.from, occurrence.endsAt) < 0 && Temporal.Instant.compare(c.to, occurrence.startsAt) > 0);
}

function outcomeOf(mentor: SideAttendance, mentee: SideAttendance): AttendanceOutcome {
  if (mentor === 'absent' && mentee === 'absent') return 'both_absent';
  // An absence is what a coordinator acts on, so it wins over the other side's failed connection.
  if (mentor === 'absent') return 'mentor_absent';
  if (mentee === 'absent') return 'mentee_absent';
  if (mentor === 'technical_failure' || mentee === 'technical_failure') return 'technical_failure';
  return 'attended';
}

export function computeAttendance(input: AttendanceInput): AttendanceResult {
  const { occurrence } = input;
  const closure = overlapsClosure(occurrence, input.closures);
  if (occurrence.status === 'cancelled' || closure) {
    const notHeld =
      occurrence.status === 'cancelled'
        ? { because: 'cancelled' as const, reason: occurrence.cancelReason ?? '' }
        : { because: 'closure' as const, reason: closure!.reason };
    return { outcome: 'not_held', mentor: 'not_expected', mentee: 'not_expected', detail: { mentor: {}, mentee: {}, notHeld } };
  }
  const ended = input.entries.find((e) => e.type === 'SessionEnded');
  const endedByStaff = ended && ended.detail.reason === 'ended_by_staff' && Temporal.Instant.compare(ended.at, occurrence.endsAt) < 0;
  // Ended early by staff: the session was over then, so nobody left early by staying until it was.
  const end = endedByStaff ? ended.at : occurrence.endsAt;
  const mentorTrace = trace(input.entries, input.mentorId, end);
  const menteeTrace = trace(input.entries, input.menteeId, end);
  const mentor = sideAttendance(mentorTrace, menteeTrace, occurrence.startsAt, end, input.lateAfterMinutes.mentor);
  const mentee = sideAttendance(menteeTrace, mentorTrace, occurrence.startsAt, end, input.lateAfterMinutes.mentee);
  const detail: AttendanceDetail = { mentor: mentor.detail, mentee: mentee.detail, ...(endedByStaff ? { endedByStaffAt: end.toString() } : {}) };
  return { outcome: outcomeOf(mentor.attendance, mentee.attendance), mentor: mentor.attendance, mentee: mentee.attendance, detail };
}

/** A school's closures as instants in its own zone (a closure without times is the whole local day). */
export function closureWindows(closures: readonly Closure[], timeZone: string): ClosureWindow[] {
  return closures.map((c) => {
    const dayStart = c.date.toZonedDateTime({ timeZone });
    const nextDay = c.date.add({ days: 1 }).toZonedDateTime({ timeZone });
    const from = c.from ? c.date.toZonedDateTime({ timeZone, plainTime: c.from }) : dayStart;
    const to = c.to ? c.date.toZonedDateTime({ timeZone, plainTime: c.to }) : nextDay;
    return { from: from.toInstant(), to: to.toInstant(), reason: c.reason };
  });
}

/** One student's expected sessions, oldest first, with their side's attendance at each. */
export interface StudentAttendanceHistory {
  occurrenceId: string;
  side: SideAttendance;
}

/** A run of consecutive absences that reached the threshold: the occurrences missed, the last one reaching it. */
export interface AbsenceRun {
  reachedAt: string;
  missed: string[];
}

/**
 * The runs of consecutive absences that reached `after` (0: never), each named by the occurrence it
 * reached it at. Sessions not held neither count nor break a run; any attendance (even late or a
 * failed connection) breaks it. Recomputing gives the same runs, so the notice for each is raised once.
 */
export function absenceRunsReached(history: readonly StudentAttendanceHistory[], after: number): AbsenceRun[] {
  if (after <= 0) return [];
  const reached: AbsenceRun[] = [];
  let run: string[] = [];
  for (const h of history) {
    if (h.side === 'not_expected') continue;
    run = h.side === 'absent' ? [...run, h.occurrenceId] : [];
    if (run.length === after) reached.push({ reachedAt: h.occurrenceId, missed: run });
  }
  return reached;
}

/** Counts over one student's sessions (their side of each record). */
export function countAttendance(sides: readonly SideAttendance[]) {
  const counts = { expected: 0, attended: 0, absent: 0, late: 0, leftEarly: 0, technicalFailure: 0, notHeld: 0 };
  for (const side of sides) {
    if (side === 'not_expected') {
      counts.notHeld++;
      continue;
    }
    counts.expected++;
    if (side === 'absent') counts.absent++;
    else if (side === 'technical_failure') counts.technicalFailure++;
    else counts.attended++;
    if (side === 'late' || side === 'late_and_left_early') counts.late++;
    if (side === 'left_early' || side === 'late_and_left_early') counts.leftEarly++;
  }
  return counts;
}
