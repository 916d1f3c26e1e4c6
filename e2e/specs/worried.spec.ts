import { expect, test } from '@playwright/test';
import { joinBoth, SchoolDevice } from '../support/pages.js';
import { demoSession } from '../support/server-info.js';

/*
 * "I'm worried" in a real call: one press raises the concern, the dialog says
 * truthfully who is told and offers a way out (camera off, leave now), and the
 * child's words typed afterwards are added to that one concern (what the
 * record then holds is checked over the socket in observers-chat-concerns.int.test.ts).
 */
test("one press of I'm worried is one concern, with a way out of the call", async ({ browser }) => {
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  try {
    await joinBoth(session.id, mentor, mentee);
    await expect(mentee.callState()).toHaveAttribute('data-state', 'connected');

    await mentee.page.getByTestId('worried-button').click();
    const dialog = mentee.page.getByTestId('worried-dialog');
    await expect(dialog.getByTestId('worried-who-is-told')).toContainText('your school and at your partner’s school');

    await dialog.getByTestId('worried-camera-off').click();
    await expect(dialog.getByTestId('worried-camera-is-off')).toBeVisible();
    await expect(mentor.page.getByTestId('partner-camera-off')).toBeVisible();

    await dialog.getByTestId('worried-text').fill('He asked which bus I get home');
    await dialog.getByTestId('worried-send').click();
    await expect(dialog.getByTestId('worried-words-sent')).toBeVisible();

    await dialog.getByTestId('worried-leave').click();
    await expect(mentee.page.getByTestId('device-page')).toBeVisible();
    await expect(mentor.callState()).toHaveAttribute('data-state', 'partner-left');
    await mentor.leave();
  } finally {
    await mentor.close();
    await mentee.close();
  }
});
