import type { AttendanceOutcome, ExitReason, ReferralStatus, ReportCell, ReportTable, ReportTableId, SuppressedFigure } from '@peerbridge/shared';
import { AttendanceOutcome as Outcomes, ExitReason as ExitReasons, ReferralStatus as Statuses } from '@peerbridge/shared';
import { SECONDARY_REASON, SMALL_BASE_REASON, SMALL_REASON, SUPPRESSION_THRESHOLD, suppressDerived, suppressGroup, suppressTotal, type Hidden } from './report-suppression.js';
import { exitReasonWords, meanText, outcomeWords, pairingLabel, percentText, referralStatusWords, type ReportPerson } from './report-words.js';

/** What the report's queries count, before anything is hidden or worded. */
export interface ReportFigures {
  /** Each of the school's reasons (zeros included), then any other reason found on a referral. */
  referralsByReason: { reason: string; count: number }[];
  referralsByStatus: Partial<Record<ReferralStatus, number>>;
  mentored: { mentees: number; mentors: number };
  sessions: { planned: number; outcomes: Partial<Record<AttendanceOutcome, number>> };
  pairings: { mentor: ReportPerson; mentee: ReportPerson; recorded: number; attended: number }[];
  targets: { set: number; met: number; reviewedOnTime: number };
  exitsByReason: Partial<Record<ExitReason, number>>;
  questionnaire: { questionId: string; question: string; answers: number; sum: number }[];
}

export interface ReportTables {
  headline: { label: string; cell: ReportCell }[];
  tables: ReportTable[];
  suppressed: SuppressedFigure[];
}

const below = `<${SUPPRESSION_THRESHOLD}`;
const reasonFor: Record<Hidden, string> = { small: SMALL_REASON, secondary: SECONDARY_REASON };

/** Builds the display-ready tables: every small count hidden, and every hidden figure listed with why. */
export function buildReportTables(figures: ReportFigures, viewerSchoolId: string, threshold = SUPPRESSION_THRESHOLD): ReportTables {
  const suppressed: SuppressedFigure[] = [];
  const cell = (table: ReportTableId, row: string, column: string, value: number | null, text: string, hidden: Hidden | null, reason?: string): ReportCell => {
    if (!hidden) return { text, value, suppressed: false };
    suppressed.push({ table, row, column, reason: reason ?? reasonFor[hidden] });
    return { text: below, value: null, suppressed: true };
  };
  const countTable = (id: ReportTableId, title: string, heads: [string, string], rows: { label: string; count: number }[], withTotal: boolean): ReportTable => {
    const hidden = suppressGroup(rows.map((r) => r.count), { withTotal, threshold });
    const body = rows.map((r, i) => ({ label: r.label, cells: [cell(id, r.label, heads[1], r.count, String(r.count), hidden[i]!)] }));
    if (withTotal) {
      const total = rows.reduce((sum, r) => sum + r.count, 0);
      body.push({ label: 'Total', cells: [cell(id, 'Total', heads[1], total, String(total), suppressTotal(total, threshold))] });
    }
    return { id, title, columns: heads, rows: body, chartCell: 0 };
  };

  const byReason = countTable('referrals_by_reason', 'Referrals by reason', ['Reason', 'Referrals'], figures.referralsByReason.map((r) => ({ label: r.reason, count: r.count })), false);
  const statusRows = Statuses.options.map((s) => ({ label: referralStatusWords[s], count: figures.referralsByStatus[s] ?? 0 }));
  const byStatus = countTable('referrals_by_status', 'Referrals by status', ['Status', 'Referrals'], statusRows, true);
  const mentored = countTable('students_mentored', 'Students mentored', ['Students', 'Count'], [
    { label: 'Mentees', count: figures.mentored.mentees },
    { label: 'Mentors', count: figures.mentored.mentors },
  ], false);

  const outcomes = Outcomes.options.map((o) => ({ label: outcomeWords[o], count: figures.sessions.outcomes[o] ?? 0 }));
  const recorded = outcomes.reduce((sum, o) => sum + o.count, 0);
  const sessionsTable = countTable('sessions', 'Sessions held and planned', ['Sessions', 'Count'], outcomes, true);
  sessionsTable.rows[sessionsTable.rows.length - 1]!.label = 'Recorded';
  const planned = figures.sessions.planned;
  sessionsTable.rows.unshift({ label: 'Planned', cells: [cell('sessions', 'Planned', 'Count', planned, String(planned), suppressTotal(planned, threshold))] });

  // Named rows of pairings the coordinator already sees by name: a record, not a published aggregate.
  const pairingRows = figures.pairings.map((p) => ({
    label: pairingLabel(p.mentor, p.mentee, viewerSchoolId),
    cells: [num(p.recorded), num(p.attended), { text: percentText(p.attended, p.recorded), value: rate(p.attended, p.recorded), suppressed: false }],
  }));
  const heldOutOf = recorded - (figures.sessions.outcomes.not_held ?? 0);
  const attended = figures.sessions.outcomes.attended ?? 0;
  const overall = cell('attendance_by_pairing', 'Overall', 'Attendance rate', rate(attended, heldOutOf), percentText(attended, heldOutOf), suppressDerived(heldOutOf, threshold), SMALL_BASE_REASON);
  pairingRows.push({ label: 'Overall', cells: [num(heldOutOf), num(attended), overall] });
  const attendance: ReportTable = { id: 'attendance_by_pairing', title: 'Attendance by pairing', columns: ['Pairing', 'Sessions expected', 'Attended', 'Attendance rate'], rows: pairingRows, chartCell: 2 };

  const t = figures.targets;
  const targets = countTable('targets', 'Targets', ['Targets', 'Count'], [
    { label: 'Set', count: t.set },
    { label: 'Met', count: t.met },
    { label: 'Reviewed on time', count: t.reviewedOnTime },
  ], false);
  const exits = countTable('exits_by_reason', 'Exits by reason', ['Reason', 'Exits'], ExitReasons.options.map((r) => ({ label: exitReasonWords[r], count: figures.exitsByReason[r] ?? 0 })), true);

  const questionnaire: ReportTable = {
    id: 'questionnaire',
    title: 'Exit questionnaire',
    columns: ['Question', 'Answers', 'Mean'],
    chartCell: 1,
    rows: figures.questionnaire.map((q) => {
      const hidden = suppressDerived(q.answers, threshold);
      return {
        label: q.question,
        cells: [
          cell('questionnaire', q.question, 'Answers', q.answers, String(q.answers), hidden),
          cell('questionnaire', q.question, 'Mean', q.answers ? Math.round((10 * q.sum) / q.answers) / 10 : 0, meanText(q.sum, q.answers), hidden, SMALL_BASE_REASON),
        ],
      };
    }),
  };

  const tables = [byReason, byStatus, mentored, sessionsTable, attendance, targets, exits, questionnaire];
  const pick = (table: ReportTable, row: string, at = 0) => table.rows.find((r) => r.label === row)!.cells[at]!;
  const headline = [
    { label: 'Students referred', cell: pick(byStatus, 'Total') },
    { label: 'Mentees mentored', cell: pick(mentored, 'Mentees') },
    { label: 'Mentors mentoring', cell: pick(mentored, 'Mentors') },
    { label: 'Sessions planned', cell: pick(sessionsTable, 'Planned') },
    { label: 'Sessions held', cell: pick(sessionsTable, outcomeWords.attended) },
    { label: 'Attendance rate', cell: overall },
    { label: 'Targets set', cell: pick(targets, 'Set') },
    { label: 'Targets met', cell: pick(targets, 'Met') },
    { label: 'Pairings exited', cell: pick(exits, 'Total') },
  ];
  return { headline, tables, suppressed };
}

function num(value: number): ReportCell {
  return { text: String(value), value, suppressed: false };
}

function rate(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : Math.round((100 * numerator) / denominator);
}
