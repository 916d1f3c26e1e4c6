import { expect, test } from '@playwright/test';
import { ReportsPage, type ReportTableId } from '../support/reports-page.js';
import { DEMO_STAFF_PASSWORD, StaffSignIn } from '../support/staff-pages.js';

/*
 * A coordinator reads the programme report on the demo data at iPad size: every table's CSV holds exactly
 * what the screen shows (suppressed cells as "<5" too), the page never scrolls sideways, and the
 * partnership report names the partner's children by first name, school and year only.
 */
const tables: ReportTableId[] = ['referrals_by_reason', 'referrals_by_status', 'students_mentored', 'sessions', 'attendance_by_pairing', 'targets', 'exits_by_reason', 'questionnaire'];

test('the programme report and its CSVs agree, on an iPad upright and sideways', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, acceptDownloads: true });
  const page = await context.newPage();
  try {
    const signIn = new StaffSignIn(page);
    await signIn.open('/reports');
    await signIn.signIn('coordinator@riverside.example', DEMO_STAFF_PASSWORD);
    const reports = new ReportsPage(page);
    await expect(reports.section.getByTestId('report-summary')).toBeVisible();

    for (const id of tables) {
      const shown = await reports.tableText(id);
      const csv = await reports.downloadCsv(id);
      expect(csv.rows, `${id}: CSV against the screen`).toEqual(shown);
      expect(csv.fileName).toMatch(new RegExp(`^report-riverside-high-school-all-time-${id}\\.csv$`));
    }
    expect(await reports.row('sessions', 'Planned')).toHaveLength(1);
    // Every "<5" on screen is explained in the list of hidden figures, one note each.
    expect(await reports.suppressedNotes()).toHaveLength(await reports.hiddenCells());
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The partnership's report: Northgate's mentors appear as first name, school and year.
    await reports.chooseScope('Partnership: Northgate–Riverside mentoring');
    const pairings = await reports.tableText('attendance_by_pairing');
    for (const [label] of pairings.slice(1, -1)) expect(label).toMatch(/^\S+ \(Northgate Academy, Y1[23]\) with /);
    const partnershipCsv = await reports.downloadCsv('attendance_by_pairing');
    expect(partnershipCsv.rows).toEqual(pairings);

    // Turned sideways, the page still fits without scrolling sideways.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect(reports.table('sessions')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  } finally {
    await context.close();
  }
});
