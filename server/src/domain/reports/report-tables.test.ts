import { describe, expect, it } from 'vitest';
import { buildReportTables, type ReportFigures } from './report-tables.js';

const mentor = { firstName: 'Amira', lastName: 'Khan', schoolId: 'north', schoolName: 'Northgate Academy', yearGroup: 12 };
const mentee = { firstName: 'Sam', lastName: 'Taylor', schoolId: 'river', schoolName: 'Riverside High School', yearGroup: 11 };

const figures: ReportFigures = {
  referralsByReason: [
    { reason: 'Attainment', count: 7 },
    { reason: 'Exam stress', count: 2 },
    { reason: 'Behaviour', count: 0 },
  ],
  referralsByStatus: { new: 6, ready_to_pair: 3, declined: 8 },
  mentored: { mentees: 12, mentors: 3 },
  sessions: { planned: 40, outcomes: { attended: 30, mentee_absent: 6, not_held: 2 } },
  pairings: [{ mentor, mentee, recorded: 4, attended: 3 }],
  targets: { set: 20, met: 4, reviewedOnTime: 15 },
  exitsByReason: { programme_finished: 6 },
  questionnaire: [
    { questionId: 'helpful', question: 'How helpful?', answers: 6, sum: 25 },
    { questionId: 'listened', question: 'Listened?', answers: 3, sum: 12 },
  ],
};

const table = (r: ReturnType<typeof buildReportTables>, id: string) => r.tables.find((t) => t.id === id)!;
const texts = (r: ReturnType<typeof buildReportTables>, id: string) => table(r, id).rows.map((row) => [row.label, ...row.cells.map((c) => c.text)]);

describe('report tables', () => {
  const report = buildReportTables(figures, 'north');

  it('hides small counts as "<5" and shows zero', () => {
    expect(texts(report, 'referrals_by_reason')).toEqual([
      ['Attainment', '7'],
      ['Exam stress', '<5'],
      ['Behaviour', '0'],
    ]);
    expect(texts(report, 'students_mentored')).toEqual([
      ['Mentees', '12'],
      ['Mentors', '<5'],
    ]);
  });

  it('hides a second cell where a total would give the hidden one away', () => {
    expect(texts(report, 'referrals_by_status')).toEqual([
      ['New', '<5'],
      ['Waiting for consent', '0'],
      ['Ready to pair', '<5'],
      ['Declined', '8'],
      ['Withdrawn', '0'],
      ['Total', '17'],
    ]);
    const reasons = report.suppressed.filter((s) => s.table === 'referrals_by_status');
    expect(reasons.map((s) => s.row)).toEqual(['New', 'Ready to pair']);
    expect(reasons[0]!.reason).toMatch(/worked out from the total/);
    expect(reasons[1]!.reason).toMatch(/fewer than 5/);
  });

  it('counts sessions planned, each outcome and the recorded total, and rates attendance over the sessions expected', () => {
    const sessions = texts(report, 'sessions');
    expect(sessions[0]).toEqual(['Planned', '40']);
    expect(sessions.at(-1)).toEqual(['Recorded', '38']);
    const overall = table(report, 'attendance_by_pairing').rows.at(-1)!;
    expect(overall.label).toBe('Overall');
    expect(overall.cells.map((c) => c.text)).toEqual(['36', '30', '83%']);
  });

  it("names pairings with the partner's child by first name, school and year only", () => {
    const row = table(report, 'attendance_by_pairing').rows[0]!;
    expect(row.label).toBe('Amira Khan (Y12) with Sam (Riverside High School, Y11)');
    expect(JSON.stringify(report)).not.toContain('Taylor');
    expect(row.cells.map((c) => c.text)).toEqual(['4', '3', '75%']);
  });

  it('hides a questionnaire mean resting on fewer than 5 answers', () => {
    expect(texts(report, 'questionnaire')).toEqual([
      ['How helpful?', '6', '4.2'],
      ['Listened?', '<5', '<5'],
    ]);
  });

  it('lists every hidden cell exactly once, and the headline reads the same cells', () => {
    const hiddenCells = report.tables.flatMap((t) => t.rows.flatMap((r) => r.cells)).filter((c) => c.suppressed).length;
    expect(report.suppressed).toHaveLength(hiddenCells);
    expect(report.headline.find((h) => h.label === 'Targets met')!.cell.text).toBe('<5');
    expect(report.headline.find((h) => h.label === 'Attendance rate')!.cell.text).toBe('83%');
  });

  it('hides the overall rate when fewer than 5 sessions were expected', () => {
    const few = buildReportTables({ ...figures, sessions: { planned: 3, outcomes: { attended: 2, mentor_absent: 1 } } }, 'north');
    expect(few.headline.find((h) => h.label === 'Attendance rate')!.cell).toEqual({ text: '<5', value: null, suppressed: true });
  });
});
