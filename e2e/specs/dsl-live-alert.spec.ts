import { expect, test } from '@playwright/test';
import { joinBoth, SchoolDevice } from '../support/pages.js';
import { RestartableServer } from '../support/restartable-server.js';
import { DEMO_STAFF_PASSWORD, StaffSignIn } from '../support/staff-pages.js';

/*
 * The DSL's live moment: a child presses "I'm worried"; the signed-in
 * safeguarding lead's alert names the child, their year and school and their
 * partner, says it is live, counts in the tab's title until acknowledged, and
 * "Observe now" opens that very session's watch view at its own address. The DSL then ends the
 * session with a reason: both children read the same kind words, and neither
 * can come back into it. Ending is for good, so this spec has a server of its
 * own (the shared one's "now" session stays open for the other specs).
 */
test("a child's worry reaches the DSL as an alert they can act on: Observe now, then end the session", async ({ browser }) => {
  test.setTimeout(180_000);
  const server = await RestartableServer.create('dsl-live');
  await server.start();
  const session = server.session('now');
  const mentor = await SchoolDevice.openAt(browser, server.url, server.deviceToken('mentor'));
  const mentee = await SchoolDevice.openAt(browser, server.url, server.deviceToken('mentee'));
  const staffContext = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const dsl = await staffContext.newPage();
  try {
    const signIn = new StaffSignIn(dsl, server.url);
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

    // Ending needs a reason: confirming without one says so and ends nothing.
    await dsl.getByTestId('observe-end-session').click();
    await dsl.getByTestId('end-session-confirm').click();
    await expect(dsl.getByTestId('end-session-problem')).toHaveText('Choose a reason first.');
    await expect(mentor.callState()).toHaveAttribute('data-state', 'connected');
    await dsl.getByTestId('end-reason-safeguarding_concern').check();
    await dsl.getByTestId('end-session-note').fill('Ended after the worried button; talking to both today.');
    await dsl.getByTestId('end-session-confirm').click();

    for (const child of [mentor, mentee]) {
      await expect(child.page.getByTestId('session-ended')).toHaveText('A member of staff has ended this session');
      await expect(child.page.locator('.call-ended__detail')).toHaveText(
        "You haven't done anything wrong by seeing this message. Your coordinator will talk to you about what happens next.",
      );
      // No reason, no note.
      await expect(child.page.locator('body')).not.toContainText('Safeguarding concern');
    }
    await expect(dsl.getByTestId('observe-view')).toHaveAttribute('data-phase', 'ended');
    await expect(dsl.getByTestId('observe-view')).toContainText('ended for everyone');

    // Coming back with the PIN is refused, in words a child understands.
    await mentor.page.getByTestId('back-to-sessions').click();
    await mentor.signIn(session.id);
    await expect(mentor.page.getByTestId('pin-error')).toContainText("A member of staff has ended this session, so it can't be joined again.");
  } finally {
    await staffContext.close();
    await mentor.close();
    await mentee.close();
    await server.dispose();
  }
});
