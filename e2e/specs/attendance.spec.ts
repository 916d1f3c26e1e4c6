import { expect, test } from '@playwright/test';
import { AttendancePage } from '../support/attendance-page.js';
import { demoSession } from '../support/server-info.js';
import { DEMO_STAFF_PASSWORD, StaffSignIn } from '../support/staff-pages.js';

/*
 * Riverside's coordinator on an iPad in portrait: the demo's weeks of attendance (computed from
 * real session logs) per student and per pairing, Aisha's two absences in a row as a notice,
 * and the list of who is being mentored printed for teachers as the list alone.
 */
test('attendance per pairing and student, the repeated-absence notice, and the printable list for teachers', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  const aisha = demoSession('later').mentee;
  const tom = demoSession('later').mentor;
  try {
    const signIn = new StaffSignIn(page);
    await signIn.open();
    await signIn.signIn('coordinator@riverside.example', DEMO_STAFF_PASSWORD);
    const attendance = new AttendancePage(page);

    const notices = await attendance.absenceNotices(aisha.firstName);
    await expect(notices).toHaveCount(1);
    await expect(notices).toContainText(`${aisha.firstName} has missed 2 mentoring sessions in a row with ${tom.firstName} (Northgate Academy)`);

    await attendance.open();
    // Riverside's own student in full; the partner by first name, year and school only.
    await expect(attendance.row(aisha.firstName)).toContainText(`Mentored by ${tom.firstName} (Year 13, Northgate Academy)`);
    await expect(attendance.counts(aisha.firstName)).toContainText('2 absences');
    await expect(attendance.nextSession(aisha.firstName)).toContainText('(Riverside High School time)');

    await attendance.openPairing(aisha.firstName);
    await expect(attendance.records()).toHaveCount(4);
    await expect(attendance.absences('mentee')).toHaveCount(2);
    await expect(attendance.absences('mentee').first()).toContainText(`${aisha.firstName} did not come`);

    await attendance.openStudent('Sam');
    await expect(attendance.records().filter({ hasText: 'Sam joined 9 minutes late' })).toHaveCount(1);
    await expect(attendance.records().filter({ hasText: 'Sam left 12 minutes early' })).toHaveCount(1);
    // No sideways scrolling on the iPad.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);

    const printed = await attendance.openPrintable();
    await page.emulateMedia({ media: 'print' });
    await expect(printed).toBeVisible();
    await expect(attendance.section()).toBeHidden();
    await expect(printed.getByTestId('mentored-print-row').filter({ hasText: `Mentored by ${tom.firstName} (Year 13, Northgate Academy)` })).toHaveCount(1);
    // Teachers get who and when, not the attendance details.
    await expect(printed).not.toContainText('absence');
    await page.emulateMedia({ media: 'screen' });
    await expect(printed).toBeHidden();
    await attendance.closePrintable();
  } finally {
    await context.close();
  }
});
