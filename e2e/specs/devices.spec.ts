import { expect, test } from '@playwright/test';
import { serverInfo } from '../support/server-info.js';
import { StaffArea } from '../support/staff-pages.js';

/*
 * An iPad showed "Enrolled" as soon as its code was issued, before anyone typed it, and
 * the pool that scheduling used had nothing to do with the iPads enrolled. Now an iPad
 * waits for set-up until its code is typed, and only then counts in the pool.
 */
test('an iPad waits for set-up until its code is typed, then is enrolled and counts in the pool', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  try {
    await page.goto(`${serverInfo().url}/staff`);
    await page.getByTestId('staff-email').fill('coordinator@northgate.example');
    await page.getByTestId('staff-password').fill('demo-password-1');
    await page.getByTestId('staff-login-submit').click();
    const staff = new StaffArea(page);
    await staff.open('iPads');
    const section = page.getByTestId('devices-section');
    await expect(section).toBeVisible();
    // The demo's one iPad is the whole pool.
    await expect(section.getByTestId('device-pool')).toContainText('1 iPad is set up');

    await section.getByTestId('device-label-input').fill('Trolley iPad 1');
    await section.getByTestId('device-room-input').fill('Library');
    await section.getByTestId('device-enrol-submit').click();
    const code = (await section.getByTestId('enrolment-code').textContent())!.trim();
    await section.getByRole('button', { name: 'Done' }).click();

    const row = section.locator('[data-testid="device-row"]', { hasText: 'Trolley iPad 1' });
    await expect(row.getByTestId('device-status')).toHaveText('Waiting for set-up');
    await expect(row.getByTestId('device-detail')).toContainText('Library');
    await expect(section.getByTestId('device-pool')).toContainText('1 iPad is set up');

    // The same name again is refused in words.
    await section.getByTestId('device-label-input').fill('trolley ipad 1');
    await section.getByTestId('device-enrol-submit').click();
    await expect(section.getByTestId('device-enrol-error')).toContainText('already called');

    // The code typed on the iPad (a browser of its own, not set up yet) enrols it.
    const ipad = await browser.newContext({ viewport: { width: 820, height: 1180 } });
    try {
      const screen = await ipad.newPage();
      await screen.goto(serverInfo().url);
      await screen.getByTestId('device-code-input').fill(code);
      await screen.getByTestId('device-code-submit').click();
      await expect(screen.getByTestId('device-page')).toBeVisible();
    } finally {
      await ipad.close();
    }
    // The list refreshes itself every 25 s; the page loaded again (same address) shows it at once.
    await staff.reload();
    await expect(row.getByTestId('device-status')).toHaveText('Enrolled');
    await expect(section.getByTestId('device-pool')).toContainText('2 iPads are set up');

    // A new code for the same row, shown once.
    await row.getByTestId('device-new-code').click();
    await expect(section.getByTestId('enrolment-code')).toBeVisible();
    await expect(section.getByTestId('enrolment-code')).not.toHaveText(code);
    await section.getByRole('button', { name: 'Done' }).click();
    const overflow = await section.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await section.screenshot({ path: test.info().outputPath('ipads.png') });

    // Removed again, so the other specs see the demo's pool.
    await row.getByTestId('device-revoke').click();
    await page.getByTestId('device-revoke-confirm').click();
    await expect(row.getByTestId('device-status')).toHaveText('Removed');
    await expect(section.getByTestId('device-pool')).toContainText('1 iPad is set up');
  } finally {
    await context.close();
  }
});
