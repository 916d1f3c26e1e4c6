import { expect, test } from '@playwright/test';
import { joinBoth, SchoolDevice } from '../support/pages.js';
import { demoSession } from '../support/server-info.js';
import { DEMO_STAFF_PASSWORD, StaffSignIn } from '../support/staff-pages.js';

/*
 * The DSL's live moment: a child presses "I'm worried"; the signed-in
 * safeguarding lead's alert names the child, their year and school and their
 * partner, says it is live, counts in the tab's title until acknowledged, and
 * "Observe now" opens that very session's watch view at its own address.
 */
test("a child's worry reaches the DSL as an alert they can act on: Observe now", async ({ browser }) => {
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  const staffContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const dsl = await staffContext.newPage();
  try {
    const signIn = new StaffSignIn(dsl);
    await signIn.open();
    await signIn.signIn('dsl@riverside.example', DEMO_STAFF_PASSWORD);
    await expect(dsl.getByTestId('alerts-status')).toHaveAttribute('data-status', 'on');
    const title = await dsl.title();
    expect(title).toBe('Home · Peerbridge Staff');

    await joinBoth(session.id, mentor, mentee);
    await expect(mentee.callState()).toHaveAttribute('data-state', 'connected');
    await mentee.page.getByTestId('worried-button').click();
    await expect(mentee.page.getByTestId('worried-confirmation')).toBeVisible();

    const alert = dsl.getByTestId('alert-toast').first();
    await expect(alert).toHaveAttribute('data-kind', 'concern_raised');
    await expect(alert.getByTestId('alert-headline')).toHaveText(
      `${session.mentee.firstName} (Year 11, Riverside High School) pressed “I’m worried” in a session with ${session.mentor.firstName} (Year 12, Northgate Academy).`,
    );
    await expect(alert.getByTestId('alert-live')).toBeVisible();
    await expect(alert.getByTestId('alert-open')).toHaveText('Open the concern');
    await expect.poll(() => dsl.title()).toBe(`(1) Safeguarding alert · ${title}`);

    await alert.getByTestId('alert-observe').click();
    await expect(dsl.getByTestId('observe-view')).toBeVisible();
    await expect(dsl).toHaveURL(new RegExp(`/staff/observe/${session.id}$`));
    await expect(dsl.getByTestId('staff-nav-live')).toHaveAttribute('aria-current', 'page');
    await expect(dsl.getByTestId('observe-video')).toHaveCount(2);
    await expect(mentee.page.getByTestId('observer-banner')).toContainText('Ms Grace Adeyemi');
    // Acted on, so acknowledged: the title is the page's own again (now the live sessions').
    await expect.poll(() => dsl.title()).toBe('Live sessions · Peerbridge Staff');

    await dsl.getByTestId('observe-stop').click();
    await expect(dsl).toHaveURL(/\/staff\/live$/);
    await mentee.page.getByTestId('worried-close').first().click();
    await mentee.leave();
    await mentor.leave();
  } finally {
    await staffContext.close();
    await mentor.close();
    await mentee.close();
  }
});
