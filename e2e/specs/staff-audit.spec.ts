import { expect, test } from '@playwright/test';
import { demoSession, serverInfo } from '../support/server-info.js';
import { StaffArea } from '../support/staff-pages.js';

/*
 * A coordinator's action appears in the school's staff audit trail in plain
 * words, and the trail checks out. The PIN is set to the demo's own, so the
 * other specs' students still sign in with it.
 */
for (const device of [
  { name: 'an iPad held upright', viewport: { width: 820, height: 1180 } },
  { name: 'a laptop', viewport: { width: 1366, height: 800 } },
]) {
  test(`a PIN reset shows in Staff actions as a sentence, on ${device.name}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: device.viewport });
    const page = await context.newPage();
    try {
      const mentor = demoSession('now').mentor;
      await page.goto(`${serverInfo().url}/staff`);
      await page.getByTestId('staff-email').fill('coordinator@northgate.example');
      await page.getByTestId('staff-password').fill('demo-password-1');
      await page.getByTestId('staff-login-submit').click();
      await expect(page.getByTestId('staff-home')).toBeVisible();
      const staff = new StaffArea(page);
      await staff.open('Students');

      const row = page.locator(`[data-testid="student-row"][data-student-id="${mentor.id}"]`);
      await row.getByTestId('student-set-pin').click();
      await row.getByTestId('student-pin-input').fill('1234');
      await row.getByTestId('student-pin-save').click();
      await expect(row.getByTestId('student-set-pin')).toBeVisible();

      // Opening Staff actions fetches the trail afresh: no Refresh to press.
      await staff.open('Staff actions');
      const audit = page.getByTestId('audit-section');
      const entry = audit.locator('[data-testid="audit-entry"][data-kind="PinReset"]').first();
      await expect(entry).toContainText(`Ms Dana Hill reset ${mentor.firstName} `);
      await expect(entry).toContainText("'s PIN");

      // Only PIN resets, then back to everything.
      await audit.getByTestId('audit-kind').selectOption('PinReset');
      await expect(audit.locator('[data-testid="audit-entry"]:not([data-kind="PinReset"])')).toHaveCount(0);
      await audit.getByTestId('audit-kind').selectOption('');
      // Dates narrow it; emptied, everything is back.
      await audit.getByTestId('audit-from').fill('2099-01-01');
      await expect(audit.getByTestId('audit-entry')).toHaveCount(0);
      await expect(audit).toContainText('Nothing recorded');
      await audit.getByTestId('audit-from').fill('');
      await expect(entry).toBeVisible();

      await audit.getByTestId('audit-verify').click();
      await expect(audit.getByTestId('audit-verify-result')).toHaveAttribute('data-ok', 'true');
      // Nothing in the section is wider than the screen.
      const overflow = await audit.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await audit.screenshot({ path: test.info().outputPath('staff-actions.png') });
    } finally {
      await context.close();
    }
  });
}
