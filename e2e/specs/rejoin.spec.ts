import { expect, test } from '@playwright/test';
import { joinBoth, SchoolDevice } from '../support/pages.js';
import { inboundMedia } from '../support/rtc-stats.js';
import { demoSession } from '../support/server-info.js';

test('pre-join says who is there and that staff may watch; a child can join with the camera and microphone off', async ({ browser }) => {
  test.setTimeout(180_000);
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  try {
    await mentor.openPreJoin(session.id);
    await expect(mentor.page.getByTestId('partner-presence')).toHaveText('You’ll be first');
    await expect(mentor.page.getByTestId('staff-may-watch')).toHaveText('A member of staff may watch to keep you safe.');
    await mentor.page.getByTestId('prejoin-camera-toggle').click();
    await mentor.page.getByTestId('prejoin-mic-toggle').click();
    await expect(mentor.page.getByTestId('prejoin-camera-toggle')).toHaveAttribute('aria-pressed', 'false');
    await expect(mentor.page.getByTestId('prejoin-mic-toggle')).toHaveText('Microphone off');
    await mentor.join();
    await expect(mentor.page.getByTestId('toggle-camera')).toHaveAttribute('aria-pressed', 'false');
    await expect(mentor.page.getByTestId('toggle-mic')).toHaveAttribute('aria-pressed', 'false');

    // The partner's pre-join sees the mentor arrive (kept fresh while waiting), then the call shows camera and microphone off.
    await mentee.openPreJoin(session.id);
    await expect(mentee.page.getByTestId('partner-presence')).toHaveText(`${session.mentor.firstName} is here`);
    await mentee.join();
    await expect(mentee.callState()).toHaveAttribute('data-state', 'connected');
    await expect(mentee.page.getByTestId('partner-camera-off')).toBeVisible();
    await expect(mentee.page.getByTestId('partner-mic-off')).toBeVisible();

    // Turning them on in the call works: the partner sees and hears the mentor.
    await mentor.page.getByTestId('toggle-camera').click();
    await mentor.page.getByTestId('toggle-mic').click();
    await expect(mentee.page.getByTestId('partner-camera-off')).toBeHidden();
    await expect(mentee.page.getByTestId('partner-mic-off')).toBeHidden();
    await expect.poll(async () => (await inboundMedia(mentee.page)).videoFramesDecoded, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await inboundMedia(mentee.page)).audioEnergy, { timeout: 20_000 }).toBeGreaterThan(0);
    await mentee.leave();
    await mentor.leave();
  } finally {
    await mentor.close();
    await mentee.close();
  }
});

test('after a reload the iPad offers Rejoin without the PIN; after Leave it offers nothing', async ({ browser }) => {
  // Two iPads, two joins, two reloads and a rejoin: longer than one call's test on two busy cores.
  test.setTimeout(240_000);
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  try {
    await joinBoth(session.id, mentor, mentee);
    await expect(mentor.callState()).toHaveAttribute('data-state', 'connected');

    // Safari reloads the tab mid-call: the device page offers the way straight back in.
    await mentor.page.reload();
    await expect(mentor.page.getByTestId('device-page')).toBeVisible();
    const rejoin = mentor.page.getByTestId('rejoin-button');
    await expect(rejoin).toHaveText(`Rejoin your call with ${session.mentee.firstName}`);
    await rejoin.click();
    await expect(mentor.callState()).toBeVisible();
    await expect(mentor.page.getByTestId('pin-entry')).toHaveCount(0);
    await expect(mentor.callState()).toHaveAttribute('data-state', 'connected');
    await expect(mentee.callState()).toHaveAttribute('data-state', 'connected');
    await expect.poll(async () => (await inboundMedia(mentor.page)).videoFramesDecoded, { timeout: 20_000 }).toBeGreaterThan(0);

    // Tapping Leave ends the offer: a reload shows today's sessions and no Rejoin.
    await mentor.leave();
    await mentor.page.reload();
    await expect(mentor.sessionCard(session.id)).toBeVisible();
    expect(await mentor.page.evaluate(() => sessionStorage.getItem('peerbridge.rejoin'))).toBeNull();
    await expect(mentor.page.getByTestId('rejoin-offer')).toHaveCount(0);
    await mentee.leave();
  } finally {
    await mentor.close();
    await mentee.close();
  }
});
