import { expect, test, type Locator, type Page } from '@playwright/test';
import { joinBoth, SchoolDevice } from '../support/pages.js';
import { inboundMedia } from '../support/rtc-stats.js';
import { demoSession } from '../support/server-info.js';

/*
 * The call screen at iPad sizes, in a real two-iPad call: nothing covers the
 * partner's picture, the chat has room for a sentence, the landmarks and names
 * are there for assistive technology, the dialogs keep the keyboard in, and a
 * camera turned off takes the partner's picture away rather than freezing it.
 */

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  expect(found, 'element has a box on screen').not.toBeNull();
  return found!;
}

/** Boxes that touch only along an edge do not overlap. */
function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function expectApart(page: Page, one: string, other: string): Promise<void> {
  const [a, b] = [await box(page.getByTestId(one)), await box(page.getByTestId(other))];
  expect(overlaps(a, b), `${one} ${JSON.stringify(a)} overlaps ${other} ${JSON.stringify(b)}`).toBe(false);
}

/** The focused element is inside the open dialog. */
function focusInDialog(page: Page, role: 'dialog' | 'alertdialog'): Promise<boolean> {
  return page.evaluate((r) => document.activeElement?.closest(`[role="${r}"]`) !== null, role);
}

function remoteHasStream(page: Page): Promise<boolean> {
  return page.getByTestId('remote-video').evaluate((video) => (video as HTMLVideoElement).srcObject !== null);
}

for (const viewport of [
  { name: 'landscape', width: 1024, height: 768 },
  { name: 'portrait', width: 768, height: 1024 },
]) {
  test(`${viewport.name} iPad: the partner is never covered, the chat has room, the landmarks are named`, async ({ browser }) => {
    const session = demoSession('now');
    const mentor = await SchoolDevice.open(browser, 'mentor', viewport);
    const mentee = await SchoolDevice.open(browser, 'mentee', viewport);
    try {
      await mentor.openPreJoin(session.id);
      await mentor.join();
      // On their own: who they wait for, until when, what to do; and what the pair work on, not an empty stage.
      await expect(mentor.page.getByTestId('waiting-for-partner')).toHaveText(`${session.mentee.firstName} isn’t here yet.`);
      await expect(mentor.page.getByTestId('wait-advice')).toContainText(/Wait here until \d{2}:\d{2}\. If .+ hasn’t come by then, tap Leave/);
      await expect(mentor.page.getByTestId('partner-tile')).toContainText(/Year \d+/);
      await expect(mentor.page.getByTestId('call-focus')).toContainText('poetry');
      await expect(mentor.page.getByTestId('call-ends-at')).toHaveText(/^Ends at \d{2}:\d{2}$/);

      await mentee.openPreJoin(session.id);
      await mentee.join();
      const page = mentor.page;
      await expect(mentor.callState()).toHaveAttribute('data-state', 'connected');
      await expect.poll(async () => (await inboundMedia(page)).videoFramesDecoded, { timeout: 20_000 }).toBeGreaterThan(0);
      await expect(page.getByTestId('call-focus')).toBeVisible();

      await expectApart(page, 'self-view', 'remote-video');
      await expect(page.getByRole('main', { name: `Call with ${session.mentee.firstName}` })).toBeVisible();
      await expect(page.getByRole('toolbar', { name: 'Call controls' })).toBeVisible();

      // The Chat button is called what it says.
      const chatButton = page.getByRole('button', { name: 'Chat', exact: true });
      await expect(chatButton).toHaveText(/^Chat/);
      await chatButton.click();
      const chat = page.getByRole('complementary', { name: `Chat with ${session.mentee.firstName}` });
      await expect(chat).toBeVisible();
      await expectApart(page, 'chat-panel', 'remote-video');
      await expectApart(page, 'self-view', 'remote-video');
      await expectApart(page, 'self-view', 'chat-panel');
      // Room for a sentence.
      const [input, panel] = [await box(page.getByTestId('chat-input')), await box(page.getByTestId('chat-panel'))];
      expect(input.width / panel.width).toBeGreaterThanOrEqual(0.75);
      await page.getByTestId('chat-input').fill('Shall we start with the poem about the sea today?');
      await expect(page.getByTestId('chat-input')).toHaveValue(/sea today/);
      await page.getByRole('button', { name: 'Close chat' }).click();

      await mentee.leave();
      await expect(page.getByTestId('partner-left')).toHaveText(`${session.mentee.firstName} has left the call. They may come back.`);
      await expect(page.getByTestId('wait-advice')).toContainText(/Wait here until \d{2}:\d{2}\. If .+ isn’t back by then, tap Leave/);
      await mentor.leave();
    } finally {
      await mentor.close();
      await mentee.close();
    }
  });
}

test('the partner’s camera off takes their picture away, and on brings it back', async ({ browser }) => {
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor', { width: 1024, height: 768 });
  const mentee = await SchoolDevice.open(browser, 'mentee', { width: 1024, height: 768 });
  try {
    await joinBoth(session.id, mentor, mentee);
    const remote = mentor.page.getByTestId('remote-video');
    await expect.poll(async () => (await inboundMedia(mentor.page)).videoFramesDecoded, { timeout: 20_000 }).toBeGreaterThan(0);
    await expect(remote).toBeVisible();

    await mentee.page.getByTestId('toggle-camera').click();
    await expect(mentor.page.getByTestId('partner-camera-off')).toHaveText(`${session.mentee.firstName}’s camera is off`);
    await expect(remote).toBeHidden();
    expect(await remoteHasStream(mentor.page)).toBe(false);

    await mentee.page.getByTestId('toggle-camera').click();
    await expect(mentor.page.getByTestId('partner-camera-off')).toBeHidden();
    await expect(remote).toBeVisible();
    await expect.poll(() => remoteHasStream(mentor.page)).toBe(true);
    await expect
      .poll(() => remote.evaluate((video) => (video as HTMLVideoElement).videoWidth), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await mentee.leave();
    await mentor.leave();
  } finally {
    await mentor.close();
    await mentee.close();
  }
});

test('the call’s dialogs keep the keyboard inside and give it back to the button that opened them', async ({ browser }) => {
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor', { width: 1024, height: 768 });
  const mentee = await SchoolDevice.open(browser, 'mentee', { width: 1024, height: 768 });
  try {
    await joinBoth(session.id, mentor, mentee);
    const page = mentee.page;

    // Leave's "are you sure?"
    const leave = page.getByTestId('leave-button');
    await leave.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alertdialog', { name: 'Leave the session?' })).toBeVisible();
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'Tab' : 'Shift+Tab');
      expect(await focusInDialog(page, 'alertdialog')).toBe(true);
    }
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusInDialog(page, 'alertdialog')).toBe(true);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('alertdialog')).toBeHidden();
    await expect(leave).toBeFocused();

    // "I'm worried": reassurance, with the keyboard kept inside until it is closed.
    const worried = page.getByTestId('worried-button');
    await worried.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('worried-dialog');
    await expect(dialog).toHaveAttribute('data-step', /^(?!raising).+/);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog(page, 'dialog')).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await focusInDialog(page, 'dialog')).toBe(true);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(worried).toBeFocused();

    await mentee.leave();
    await mentor.leave();
  } finally {
    await mentor.close();
    await mentee.close();
  }
});
