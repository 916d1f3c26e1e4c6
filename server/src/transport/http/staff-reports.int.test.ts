import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgrammeReport } from '@peerbridge/shared';
import { seedReportFixture } from '../../test-support/report-fixture.js';
import { signInStaff } from '../../test-support/staff-agent.js';
import { testDatabaseKinds } from '../../test-support/test-databases.js';
import { startTestServer, stopTestServer, type TestServer } from '../../test-support/test-server.js';

type Report = ReturnType<typeof ProgrammeReport.parse>;
const rowsOf = (report: Report, id: string) => report.tables.find((t) => t.id === id)!.rows.map((r) => [r.label, ...r.cells.map((c) => c.text)]);
const figure = (report: Report, id: string, label: string) => rowsOf(report, id).find((r) => r[0] === label)!.slice(1);

describe.each(testDatabaseKinds())('programme reports on %s', (kind) => {
  let server: TestServer;
  let fixture: Awaited<ReturnType<typeof seedReportFixture>>;
  let menteeLead: Awaited<ReturnType<typeof signInStaff>>;
  let mentorLead: Awaited<ReturnType<typeof signInStaff>>;

  beforeAll(async () => {
    server = await startTestServer(kind);
    fixture = await seedReportFixture(server);
    menteeLead = await signInStaff(server, 'coordinator@report-mentee.example');
    mentorLead = await signInStaff(server, 'coordinator@report-mentor.example');
  });
  afterAll(() => stopTestServer(server));

  const report = async (agent: typeof menteeLead, path: string, query: Record<string, string> = {}) => {
    const res = await agent.get(path).query(query).expect(200);
    return ProgrammeReport.parse(res.body);
  };

  it("counts the school's referrals, sessions, attendance, targets, exits and answers, hiding small counts", async () => {
    const school = await report(menteeLead, '/api/staff/reports/school');
    expect(school.scope).toMatchObject({ kind: 'school', id: fixture.menteeSchoolId, name: 'Report Mentee School' });
    expect(school.threshold).toBe(5);
    expect(figure(school, 'referrals_by_reason', 'Attainment')).toEqual(['7']);
    expect(figure(school, 'referrals_by_reason', 'Exam stress')).toEqual(['<5']);
    // One new referral is small; six ready to pair are hidden with it, or the total would give it away.
    expect(rowsOf(school, 'referrals_by_status')).toEqual([
      ['New', '<5'],
      ['Waiting for consent', '0'],
      ['Ready to pair', '<5'],
      ['Declined', '0'],
      ['Withdrawn', '0'],
      ['Total', '7'],
    ]);
    expect(rowsOf(school, 'students_mentored')).toEqual([
      ['Mentees', '6'],
      ['Mentors', '0'],
    ]);
    expect(figure(school, 'sessions', 'Planned')).toEqual(['24']);
    expect(figure(school, 'sessions', 'Held (both attended)')).toEqual(['22']);
    expect(figure(school, 'sessions', 'Mentee absent')).toEqual(['<5']);
    expect(figure(school, 'sessions', 'Recorded')).toEqual(['24']);
    expect(figure(school, 'attendance_by_pairing', 'Overall')).toEqual(['23', '22', '96%']);
    expect(rowsOf(school, 'targets')).toEqual([
      ['Set', '6'],
      ['Met', '5'],
      ['Reviewed on time', '5'],
    ]);
    expect(figure(school, 'exits_by_reason', 'Programme finished')).toEqual(['<5']);
    expect(figure(school, 'exits_by_reason', 'Total')).toEqual(['<5']);
    expect(rowsOf(school, 'questionnaire')).toEqual([['How helpful were your mentoring sessions?', '5', '4.0']]);
    const reasons = school.suppressed.map((s) => `${s.table}/${s.row}`);
    expect(reasons).toEqual(expect.arrayContaining(['referrals_by_status/New', 'referrals_by_status/Ready to pair', 'exits_by_reason/Total']));
    expect(school.suppressed.find((s) => s.row === 'Ready to pair')!.reason).toMatch(/total/);
  });

  it("names the school's own children in full and the partner's by first name, school and year only", async () => {
    const school = await report(menteeLead, '/api/staff/reports/school');
    const labels = rowsOf(school, 'attendance_by_pairing').map((r) => r[0]);
    expect(labels).toContain('Mentor1 (Report Mentor College, Y12) with Mentee1 Menteesurname1 (Y11)');
    expect(JSON.stringify(school)).not.toMatch(/Mentorsurname/);
    expect(figure(school, 'attendance_by_pairing', 'Mentor1 (Report Mentor College, Y12) with Mentee1 Menteesurname1 (Y11)')).toEqual(['4', '3', '75%']);
    const partnership = await report(mentorLead, `/api/staff/reports/partnerships/${fixture.partnershipId}`);
    expect(JSON.stringify(partnership)).not.toMatch(/Menteesurname/);
    expect(partnership.tables.find((t) => t.id === 'attendance_by_pairing')!.rows[0]!.label).toBe('Mentor0 Mentorsurname0 (Y12) with Mentee0 (Report Mentee School, Y11)');
  });

  it("filters by a term of the asker's calendar", async () => {
    const school = await report(menteeLead, '/api/staff/reports/school', { term: 'This term' });
    expect(school.filters.term?.name).toBe('This term');
    expect(school.options.terms.map((t) => t.name)).toEqual(['Last term', 'This term']);
    expect(figure(school, 'sessions', 'Planned')).toEqual(['18']);
    expect(figure(school, 'attendance_by_pairing', 'Overall')).toEqual(['17', '16', '94%']);
    const last = await report(menteeLead, '/api/staff/reports/school', { term: 'Last term' });
    expect(figure(last, 'sessions', 'Planned')).toEqual(['6']);
    expect(figure(last, 'targets', 'Set')).toEqual(['0']);
    expect(figure(last, 'referrals_by_status', 'Total')).toEqual(['0']);
  });

  it('filters by year group, and covers both schools in the partnership report', async () => {
    const y13 = await report(mentorLead, '/api/staff/reports/school', { yearGroup: '13' });
    expect(y13.filters.yearGroup).toBe(13);
    expect(rowsOf(y13, 'students_mentored')).toEqual([
      ['Mentees', '0'],
      ['Mentors', '<5'],
    ]);
    expect(rowsOf(y13, 'attendance_by_pairing').map((r) => r[0])).toEqual(['Mentor5 Mentorsurname5 (Y13) with Mentee5 (Report Mentee School, Y11)', 'Overall']);
    const partnership = await report(menteeLead, `/api/staff/reports/partnerships/${fixture.partnershipId}`);
    expect(partnership.scope).toMatchObject({ kind: 'partnership', name: 'Report Partnership' });
    expect(partnership.options.partnerships).toEqual([{ id: fixture.partnershipId, name: 'Report Partnership' }]);
    expect(rowsOf(partnership, 'students_mentored')).toEqual([
      ['Mentees', '6'],
      ['Mentors', '6'],
    ]);
    // Five mentees answered 4 and two mentors 2: (20 + 4) / 7.
    expect(rowsOf(partnership, 'questionnaire')).toEqual([['How helpful were your mentoring sessions?', '7', '3.4']]);
  });

  it('refuses an unknown term, a bad year group, another school\'s partnership and other roles, in words', async () => {
    const term = await menteeLead.get('/api/staff/reports/school').query({ term: 'Spring 9' }).expect(400);
    expect(term.body.error.message).toContain('no term called "Spring 9"');
    expect((await menteeLead.get('/api/staff/reports/school').query({ yearGroup: '4' }).expect(400)).body.error.code).toBe('bad_request');
    const outsider = await signInStaff(server, 'coordinator@northgate.example');
    expect((await outsider.get(`/api/staff/reports/partnerships/${fixture.partnershipId}`).expect(403)).body.error.code).toBe('forbidden');
    const dsl = await signInStaff(server, 'dsl@report-mentee.example');
    await dsl.get('/api/staff/reports/school').expect(403);
  });
});
