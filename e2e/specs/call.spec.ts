import { expect, test } from '@playwright/test';
import { SchoolDevice } from '../support/pages.js';
import { inboundMedia } from '../support/rtc-stats.js';
import { demoSession } from '../support/server-info.js';

test('two students at two schools see and hear each other through the SFU', async ({ browser }) => {
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  try {
    await expect(mentor.sessionCard(session.id)).toHaveAttribute('data-status', 'open');
    await expect(mentor.sessionCard(session.id)).toContainText(session.mentee.firstName);

    await mentor.openPreJoin(session.id);
    await mentor.join();
    await expect(mentor.callState()).toHaveAttribute('data-state', 'waiting');
    await expect(mentor.page.getByTestId('waiting-for-partner')).toContainText(session.mentee.firstName);

    await mentee.openPreJoin(session.id);
    await mentee.join();
    await expect(mentee.callState()).toHaveAttribute('data-state', 'connected');
    await expect(mentor.callState()).toHaveAttribute('data-state', 'connected');

    // The browsers themselves report decoded video and received, non-silent audio.
    for (const device of [mentor, mentee]) {
      await expect.poll(async () => (await inboundMedia(device.page)).videoFramesDecoded, { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(async () => (await inboundMedia(device.page)).audioPacketsReceived, { timeout: 20_000 }).toBeGreaterThan(0);
      await expect.poll(async () => (await inboundMedia(device.page)).audioEnergy, { timeout: 20_000 }).toBeGreaterThan(0);
    }

    // Turning the camera off is shown to the partner.
    await mentee.page.getByTestId('toggle-camera').click();
    await expect(mentee.page.getByTestId('toggle-camera')).toHaveAttribute('aria-pressed', /true|false/);
    await expect(mentor.page.getByTestId('partner-camera-off')).toBeVisible();
    await mentee.page.getByTestId('toggle-camera').click();
    await expect(mentor.page.getByTestId('partner-camera-off')).toBeHidden();

    // When the partner leaves, the other student is told, calmly.
    await mentee.leave();
    await expect(mentor.callState()).toHaveAttribute('data-state', 'partner-left');
    await expect(mentor.page.getByTestId('partner-left')).toContainText(session.mentee.firstName);
    await mentor.leave();

    // The whole call ran under the server's CSP (no inline styles allowed) without one blocked style or script.
    expect(await mentor.cspViolations()).toEqual([]);
    expect(await mentee.cspViolations()).toEqual([]);
  } finally {
    await mentor.close();
    await mentee.close();
  }
});

test('a student cannot join a session that is not happening now', async ({ browser }) => {
  const later = demoSession('later');
  const device = await SchoolDevice.open(browser, 'mentor');
  try {
    await expect(device.sessionCard(demoSession('now').id)).toBeVisible();
    if ((await device.sessionCard(later.id).count()) === 0) {
      // A minute before midnight no session that is not open yet can start today, so "later" is
      // tomorrow's and not on today's list; today's finished one must be just as closed.
      const finished = device.sessionCard(demoSession('earlier').id);
      await expect(finished).toHaveAttribute('data-status', 'ended');
      await expect(finished).toBeDisabled();
      return;
    }
    // A session that is not open yet says when to come back, and does not lead to the PIN screen (the server
    // refuses its PIN too: services/students tests).
    const card = device.sessionCard(later.id);
    await expect(card).toHaveAttribute('data-status', 'upcoming');
    await expect(card).toContainText('Come back at');
    await expect(card).toBeDisabled();
    await expect(device.page.getByTestId('device-clock')).toContainText(/\d{2}:\d{2}/);
  } finally {
    await device.close();
  }
});
