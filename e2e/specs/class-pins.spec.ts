import { expect, test, type Page } from '@playwright/test';
import { DEMO_PIN } from '../support/pages.js';
import { demoSession, serverInfo } from '../support/server-info.js';
import { StaffArea } from '../support/staff-pages.js';

/*
 * A coordinator ticks students, sets new PINs for all of them at once and gets
 * a sheet of cards that prints as cards alone; then records a mentor's
 * training with how it came, and sees who recorded it. The demo PIN is put
 * back at the end, so the other specs' students still sign in with it.
 */
const signIn = async (page: Page) => {
  await page.goto(`${serverInfo().url}/staff`);
  await page.getByTestId('staff-email').fill('coordinator@northgate.example');
  await page.getByTestId('staff-password').fill('demo-password-1');
  await page.getByTestId('staff-login-submit').click();
  await expect(page.getByTestId('staff-home')).toBeVisible();
  await new StaffArea(page).open('Students');
};

test('PINs for a class: ticked students get a sheet of cards, printed as cards alone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  const mentors = [demoSession('later').mentor, demoSession('earlier').mentor];
  try {
    await signIn(page);
    const students = page.getByTestId('students-section');
    const row = (id: string) => students.locator(`[data-testid="student-row"][data-student-id="${id}"]`);
    for (const mentor of mentors) await row(mentor.id).getByTestId('student-select').check();
    await expect(students.getByTestId('class-pins-count')).toHaveText('2 students ticked.');
    await students.getByTestId('class-pins-generate').click();
    await page.getByTestId('class-pins-confirm').click();

    const sheet = page.getByTestId('pin-sheet');
    await expect(sheet).toBeVisible();
    await expect(sheet.getByTestId('pin-sheet-warning')).toContainText('shown only now');
    const cards = sheet.getByTestId('pin-card');
    await expect(cards).toHaveCount(2);
    // In the order of the list, which is the order to hand them out in.
    for (const mentor of mentors) {
      const card = sheet.locator(`[data-testid="pin-card"][data-student-id="${mentor.id}"]`);
      await expect(card.getByTestId('pin-card-name')).toHaveText(new RegExp(`^${mentor.firstName} [A-Z]$`));
      await expect(card).toContainText('Northgate Academy');
      await expect(card).toContainText('Keep this secret; ask staff if you forget.');
      await expect(card.getByTestId('pin-card-pin')).toHaveText(/^\d{4}$/);
    }
    await sheet.screenshot({ path: test.info().outputPath('pin-sheet.png') });

    // On paper: the cards, side by side, and nothing else of the staff screens.
    await page.emulateMedia({ media: 'print' });
    const printed = page.getByTestId('pin-print-card');
    await expect(printed).toHaveCount(2);
    await expect(printed.first()).toBeVisible();
    await expect(printed.first()).toContainText('Keep this secret; ask staff if you forget.');
    await expect(sheet).toBeHidden();
    await expect(page.getByTestId('staff-home')).toBeHidden();
    const [a, b] = [await printed.nth(0).boundingBox(), await printed.nth(1).boundingBox()];
    expect(a && b && Math.abs(a.y - b.y)).toBeLessThan(1);
    expect(a && b && b.x >= a.x + a.width - 2).toBe(true);
    // The whole printout is the cards: one page, not the staff screens' length of blank paper.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(1180 + 1);
    await page.screenshot({ path: test.info().outputPath('pin-sheet-print.png') });
    await page.emulateMedia({ media: 'screen' });

    // Closed, the PINs are gone (the printer's copy too); the rows now read "set".
    await sheet.getByTestId('pin-sheet-done').click();
    await expect(sheet).toBeHidden();
    await expect(page.getByTestId('pin-print')).toHaveCount(0);
    await expect(row(mentors[0]!.id)).toContainText('PIN: set');

    // Training, recorded again with how it came: the row says who and how.
    const mentor = row(mentors[0]!.id);
    await mentor.getByTestId('student-training-toggle').click();
    await page.getByTestId('student-record-confirm').click();
    await expect(page.getByTestId('student-record-method-error')).toContainText('Say how');
    await page.getByTestId('student-record-method').selectOption('form');
    await page.getByTestId('student-record-confirm').click();
    await expect(mentor.getByTestId('student-record')).toHaveText('not recorded');
    await mentor.getByTestId('student-training-toggle').click();
    await page.getByTestId('student-record-method').selectOption('email');
    await page.getByTestId('student-record-confirm').click();
    await expect(mentor.getByTestId('student-record')).toContainText('by Ms Dana Hill, by email');
  } finally {
    for (const mentor of mentors) {
      await page.request.put(`${serverInfo().url}/api/staff/students/${mentor.id}/pin`, {
        data: { pin: DEMO_PIN },
        headers: { origin: serverInfo().url },
      });
    }
    await context.close();
  }
});
