import { expect, test } from '@playwright/test';
import { joinBoth, SchoolDevice } from '../support/pages.js';
import { cspViolations, recordCspViolations } from '../support/csp.js';
import { recordPeerConnections } from '../support/rtc-stats.js';
import { demoSession, serverInfo } from '../support/server-info.js';
import { StaffArea } from '../support/staff-pages.js';

test('both students see who is observing, for as long as it lasts', async ({ browser }) => {
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  const staffContext = await browser.newContext();
  await recordPeerConnections(staffContext);
  await recordCspViolations(staffContext);
  const dsl = await staffContext.newPage();
  try {
    await joinBoth(session.id, mentor, mentee);
    await expect(mentor.callState()).toHaveAttribute('data-state', 'connected');
    await expect(mentor.page.getByTestId('observer-banner')).toHaveCount(0);

    // Riverside's safeguarding lead signs in and observes the live session.
    await dsl.goto(`${serverInfo().url}/staff`);
    await dsl.getByTestId('staff-email').fill('dsl@riverside.example');
    await dsl.getByTestId('staff-password').fill('demo-password-1');
    await dsl.getByTestId('staff-login-submit').click();
    await expect(dsl.getByTestId('staff-home')).toBeVisible();
    await new StaffArea(dsl).open('Live sessions');
    const row = dsl.locator(`[data-testid="live-session-row"][data-session-id="${session.id}"]`);
    await expect(row).toBeVisible({ timeout: 20_000 });
    await row.getByTestId('observe-button').click();
    await expect(dsl.getByTestId('observe-view')).toBeVisible();

    for (const student of [mentor, mentee]) {
      const banner = student.page.getByTestId('observer-banner');
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('Ms Grace Adeyemi');
      await expect(banner).toContainText('Riverside High School');
    }
    // The observer receives both students' video and sends nothing.
    await expect(dsl.getByTestId('observe-video')).toHaveCount(2);

    await dsl.getByTestId('observe-stop').click();
    for (const student of [mentor, mentee]) await expect(student.page.getByTestId('observer-banner')).toHaveCount(0);
    await mentee.leave();
    await mentor.leave();
    // Signing in (a same-origin POST the CSRF check lets through) and observing ran under the CSP untouched.
    expect(await cspViolations(dsl)).toEqual([]);
  } finally {
    await staffContext.close();
    await mentor.close();
    await mentee.close();
  }
});
