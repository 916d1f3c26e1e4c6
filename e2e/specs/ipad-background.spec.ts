import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { joinBoth, SchoolDevice } from '../support/pages.js';
import { inboundMedia } from '../support/rtc-stats.js';
import { demoSession, serverInfo } from '../support/server-info.js';
import { DEMO_STAFF_PASSWORD } from '../support/staff-pages.js';

/**
 * What iPad Safari does when the app leaves the screen, as far as Chromium can play it: the page
 * becomes hidden (visibilityState overridden, visibilitychange dispatched) and the camera track
 * stops; then the page is visible again.
 */
async function goToBackground(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    const self = document.querySelector<HTMLVideoElement>('[data-testid="self-video"]');
    (self?.srcObject as MediaStream | null)?.getVideoTracks().forEach((t) => t.stop());
  });
}

async function comeBack(page: Page): Promise<void> {
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** The self view's camera track as the page has it now, and how many frames the self view has shown. */
function selfView(page: Page) {
  return page.evaluate(() => {
    const self = document.querySelector<HTMLVideoElement>('[data-testid="self-video"]');
    const track = (self?.srcObject as MediaStream | null)?.getVideoTracks()[0];
    return { trackId: track?.id ?? null, readyState: track?.readyState ?? null, frames: self?.getVideoPlaybackQuality().totalVideoFrames ?? 0 };
  });
}

async function mediaToggles(sessionId: string): Promise<Array<Record<string, unknown>>> {
  const { url } = serverInfo();
  const api = await playwrightRequest.newContext({ baseURL: url, extraHTTPHeaders: { origin: url } });
  try {
    expect((await api.post('/api/staff/login', { data: { email: 'dsl@northgate.example', password: DEMO_STAFF_PASSWORD } })).ok()).toBe(true);
    const res = await api.get(`/api/staff/sessions/${sessionId}/log`);
    const { entries } = (await res.json()) as { entries: Array<{ type: string; detail: Record<string, unknown> }> };
    return entries.filter((e) => e.type === 'MediaToggled').map((e) => e.detail);
  } finally {
    await api.dispose();
  }
}

test("when the iPad app goes to the background the partner sees the camera paused, and on return the camera comes back", async ({ browser }) => {
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  try {
    await joinBoth(session.id, mentor, mentee);
    await expect(mentor.callState()).toHaveAttribute('data-state', 'connected');
    await expect.poll(async () => (await inboundMedia(mentor.page)).videoFramesDecoded, { timeout: 20_000 }).toBeGreaterThan(10);
    const before = await selfView(mentee.page);

    await goToBackground(mentee.page);
    await expect(mentor.page.getByTestId('partner-camera-paused')).toContainText(`${session.mentee.firstName}’s camera paused`);
    // Paused is not "turned off": the child did not choose it.
    await expect(mentor.page.getByTestId('partner-camera-off')).toHaveCount(0);
    expect((await selfView(mentee.page)).readyState).toBe('ended');

    const pausedAt = (await inboundMedia(mentor.page)).videoFramesDecoded;
    const returnedAt = performance.now();
    await comeBack(mentee.page);
    await expect(mentor.page.getByTestId('partner-camera-paused')).toBeHidden({ timeout: 10_000 });
    // The partner decodes frames of the new camera track, and the self view shows it.
    await expect.poll(async () => (await inboundMedia(mentor.page)).videoFramesDecoded, { timeout: 15_000 }).toBeGreaterThan(pausedAt + 10);
    console.log(`ipad-background camera_back_ms=${Math.round(performance.now() - returnedAt)}`);
    const after = await selfView(mentee.page);
    expect(after.readyState).toBe('live');
    expect(after.trackId).not.toBe(before.trackId);
    await expect.poll(async () => (await selfView(mentee.page)).frames, { timeout: 10_000 }).toBeGreaterThan(after.frames);
    // The child's own camera button never moved.
    await expect(mentee.page.getByTestId('toggle-camera')).toHaveAttribute('aria-pressed', 'true');

    // The log tells the pause and the return apart from the child turning the camera off.
    await expect
      .poll(() => mediaToggles(session.id))
      .toEqual(
        expect.arrayContaining([
          { kind: 'video', on: false, reason: 'background' },
          { kind: 'video', on: true, reason: 'background' },
        ]),
      );

    await mentee.leave();
    await mentor.leave();
  } finally {
    await mentor.close();
    await mentee.close();
  }
});
