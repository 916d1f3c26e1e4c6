import { expect, test } from '@playwright/test';
import { expectAccessible, expectTouchTargets } from '../support/accessibility.js';
import { ReferralsPage } from '../support/referrals-page.js';
import { serverInfo } from '../support/server-info.js';

/*
 * Riverside's coordinator refers a Year 11 student (imported for this spec, so the demo's students
 * are left as they are), records the student's own yes and sees the warning that the referrer heard
 * it, asks for and records the parents' consent, and prints the parents' letter: on an iPad held upright.
 */
test("a coordinator refers a student, records their opt-in and the parents' consent, and prints the letter", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  try {
    await page.goto(`${serverInfo().url}/staff`);
    await page.getByTestId('staff-email').fill('coordinator@riverside.example');
    await page.getByTestId('staff-password').fill('demo-password-1');
    await page.getByTestId('staff-login-submit').click();
    await expect(page.getByTestId('staff-home')).toBeVisible();

    const referrals = new ReferralsPage(page);
    const studentId = await referrals.importStudent('E2E-R1', 'Rosa', 'Quinlan', 11);
    await referrals.open();
    // The demo's queue is there already: a referral ready to pair.
    await expect(referrals.section().locator('[data-testid="referral-row"][data-status="ready_to_pair"]').first()).toBeVisible();

    const row = await referrals.refer(studentId, 'Rosa Quinlan', ['Exam stress', 'Self-esteem'], 'Anxious before the mocks.');
    await expect(row).toContainText('Exam stress, Self-esteem');

    await referrals.recordOptIn('Rosa Quinlan');
    await expect(row.getByTestId('referral-optin-warning')).toContainText('also recorded their agreement');

    await referrals.requestConsent('Rosa Quinlan');
    await referrals.recordConsent('Rosa Quinlan', 'letter');
    await expect(row).toHaveAttribute('data-status', 'ready_to_pair');
    await expect(row.getByTestId('referral-consent-done')).toContainText('by Mr Owen Price, by letter');

    const letter = await referrals.openLetter('Rosa Quinlan');
    await expect(letter.getByTestId('referral-letter-school').first()).toHaveText('Riverside High School');
    await expect(letter).toContainText('Dear parent or carer of Rosa Quinlan (Year 11)');
    await expect(letter.getByTestId('referral-letter-programme')).toContainText('Northgate Academy');
    // Printed, the page is the letter alone, and it names no child of the partner school.
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByTestId('referral-letter-print-copy');
    await expect(printed).toBeVisible();
    await expect(referrals.section()).toBeHidden();
    for (const partnerChild of ['Priya', 'Tom', 'Ellie']) await expect(printed).not.toContainText(partnerChild);
    await page.emulateMedia({ media: 'screen' });
    await referrals.closeLetter('Rosa Quinlan');

    // The consent is on the student's own record, as the Students screen shows it.
    const students = (await (await page.request.get(`${serverInfo().url}/api/staff/students`)).json()) as { students: { id: string; parentalConsentRecord: { method: string } | null }[] };
    expect(students.students.find((s) => s.id === studentId)?.parentalConsentRecord?.method).toBe('letter');

    // The screen with a referral and the settings open: no serious accessibility problem, every target finger-sized.
    await referrals.openRow('Rosa Quinlan');
    await referrals.section().getByTestId('programme-settings-open').click();
    await expect(referrals.section().getByTestId('settings-reasons')).toBeVisible();
    await expectAccessible(page, 'referrals');
    await expectTouchTargets(page, 'referrals');

    // Nothing overflows sideways on an upright iPad.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  } finally {
    await context.close();
  }
});
