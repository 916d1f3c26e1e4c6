import { expect, test, type Browser, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { accessibilityProblems, expectAccessible, expectTouchTargets, smallTouchTargets } from '../support/accessibility.js';
import { DEMO_PIN, SchoolDevice } from '../support/pages.js';
import { rememberAuthenticator } from '../support/records-unlock.js';
import { readServerClock } from '../support/server-clock.js';
import { demoSession, serverInfo } from '../support/server-info.js';
import { DEMO_STAFF_PASSWORD, StaffSignIn } from '../support/staff-pages.js';

/*
 * Accessibility of every main screen, with axe-core's WCAG 2.1 A/AA rules: no
 * serious or critical violation anywhere, and on the children's screens every
 * tap target at least 44x44 px. Each screen is checked where it is reached, at
 * each size in turn (the window is resized in place), so one call and one
 * sign-in per role cover them all. Failures are soft: the run lists every
 * screen's problems, each with its rule, element and help page.
 */

type Size = { name: string; width: number; height: number };
const IPAD_LANDSCAPE: Size = { name: 'iPad landscape', width: 1024, height: 768 };
const IPAD_PORTRAIT: Size = { name: 'iPad portrait', width: 768, height: 1024 };
const LAPTOP: Size = { name: 'laptop', width: 1366, height: 768 };
/** A check at a size: axe and, on the children's screens, the touch-target sizes. */
type Check = { size: Size; axe: boolean; touch: boolean };
// The iPad is the children's device: axe at both orientations, and their tap targets at every size
// (a laptop too, where a school uses one). Staff work on a laptop or an iPad, with a pointer or a finger.
const STUDENT_CHECKS: Check[] = [
  { size: IPAD_LANDSCAPE, axe: true, touch: true },
  { size: IPAD_PORTRAIT, axe: true, touch: true },
  { size: LAPTOP, axe: false, touch: true },
];
const STAFF_CHECKS: Check[] = [
  { size: IPAD_LANDSCAPE, axe: true, touch: false },
  { size: LAPTOP, axe: true, touch: false },
];

/**
 * Runs one screen's checks at each size, ending at the first size again so the flow goes on as
 * it began. `include`: axe looks only inside it (a part whose page around it is checked elsewhere).
 */
async function checkAtSizes(page: Page, label: string, checks: Check[], include?: string) {
  for (const { size, axe, touch } of checks) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // Nothing still loading: axe checks what a person would read, not a spinner.
    await expect(page.locator('[aria-busy="true"]'), `${label}: still loading`).toHaveCount(0);
    // Let the layout (and anything that measures it) settle at the new size before axe reads colours and boxes.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    if (axe) await expectAccessible(page, `${label}, ${size.name}`, { include });
    if (touch) await expectTouchTargets(page, `${label}, ${size.name}`);
  }
  await page.setViewportSize({ width: checks[0]!.size.width, height: checks[0]!.size.height });
}

const checkStudentScreen = (page: Page, label: string) => checkAtSizes(page, `student: ${label}`, STUDENT_CHECKS);
const checkStaffScreen = (page: Page, label: string, include?: string) => checkAtSizes(page, `staff: ${label}`, STAFF_CHECKS, include);

async function openFirstConcern(page: Page) {
  await page.getByRole('navigation').first().getByRole('link', { name: 'Concerns' }).click();
  await page.getByTestId('concern-row').first().click();
  await expect(page.getByTestId('concern-detail')).toBeVisible();
}

async function signInStaff(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: LAPTOP.width, height: LAPTOP.height } });
  const page = await context.newPage();
  const signIn = new StaffSignIn(page);
  await signIn.open();
  await signIn.signIn(email, DEMO_STAFF_PASSWORD);
  return { context, page };
}

/**
 * Every area the staff navigation offers this person, opened from the navigation. An area at an
 * address of its own is checked as a whole page; one that is a place on the page already checked
 * (a `#` link) is only opened, since its checks would repeat the page's.
 */
async function checkEveryStaffArea(page: Page, who: string) {
  const links = page.getByRole('navigation').first().getByRole('link');
  await expect(links.first()).toBeVisible();
  const count = await links.count();
  for (let i = 0; i < count; i += 1) {
    const link = links.nth(i);
    const name = (await link.innerText()).trim();
    const href = (await link.getAttribute('href')) ?? '';
    await link.click();
    if (href.startsWith('#')) await expect(page.locator(href), `${who}'s ${name} area is on the page`).toBeVisible();
    else await checkStaffScreen(page, `${who}, ${name}`);
  }
}

// The checks themselves, on pages made to pass and to fail: a check that finds nothing must be able to find something.
test('the checks name what is wrong: faint text, an unnamed button, a small target', async ({ page }) => {
  await page.setViewportSize({ width: IPAD_LANDSCAPE.width, height: IPAD_LANDSCAPE.height });
  await page.setContent(`<!doctype html><html lang="en"><head><title>Bad</title></head><body><main>
    <h1>Bad</h1>
    <p style="color:#bbbbbb;background:#ffffff">Faint words</p>
    <button data-testid="tiny" style="width:30px;height:30px"></button>
    <label data-testid="tick" style="font-size:12px"><input type="checkbox"> Small tick</label>
  </main></body></html>`);
  const problems = await accessibilityProblems(page);
  expect(problems.find((line) => line.startsWith('color-contrast (serious) at p:'))).toMatch(/contrast of 1\.\d+.*#bbbbbb/);
  expect(problems.find((line) => line.startsWith('button-name (critical) at button'))).toContain('https://dequeuniversity.com/rules/axe/');
  const small = await smallTouchTargets(page);
  expect(small).toEqual([expect.stringMatching(/^<button data-testid="tiny".* is 30x30 px$/), expect.stringMatching(/^<label data-testid="tick">.*"Small tick" is .*x\d+(\.\d)? px$/)]);

  await page.setContent(`<!doctype html><html lang="en"><head><title>Good</title></head><body><main>
    <h1>Good</h1><p style="color:#222222;background:#ffffff">Clear words</p>
    <button style="min-width:44px;min-height:44px">Go</button>
    <label style="display:inline-block;min-height:44px;min-width:44px"><input type="checkbox"> A tick</label>
    <button style="position:absolute;width:1px;height:1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0)">For screen readers</button>
  </main></body></html>`);
  expect(await accessibilityProblems(page)).toEqual([]);
  expect(await smallTouchTargets(page)).toEqual([]);
});

test('the children’s screens, the observer view and the concern record have no serious accessibility problems', async ({ browser }) => {
  // About 50 axe runs, many on a call with live video, on two shared cores.
  test.setTimeout(360_000);
  const session = demoSession('now');
  const dsl = await browser.newContext({ viewport: { width: LAPTOP.width, height: LAPTOP.height } }).then(async (context) => ({ context, page: await context.newPage() }));
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  try {
    // The staff sign-in page, then the mentee school's DSL stays signed in to receive the alert.
    const signIn = new StaffSignIn(dsl.page);
    await signIn.open();
    await checkStaffScreen(dsl.page, 'sign-in');
    await signIn.signIn('dsl@riverside.example', DEMO_STAFF_PASSWORD);
    await expect(dsl.page.getByTestId('alerts-status')).toHaveAttribute('data-status', 'on');

    // An iPad not set up yet: the first screen anyone sees on it.
    const fresh = await browser.newContext();
    try {
      const page = await fresh.newPage();
      await page.goto(serverInfo().url);
      await expect(page.getByTestId('device-setup')).toBeVisible();
      await checkStudentScreen(page, 'iPad set-up');
    } finally {
      await fresh.close();
    }

    await checkStudentScreen(mentor.page, 'device page');
    await mentor.sessionCard(session.id).click();
    await expect(mentor.page.getByTestId('pin-confirm')).toBeVisible();
    await checkStudentScreen(mentor.page, 'Are you …? before the PIN');
    await mentor.page.getByTestId('pin-confirm-yes').click();
    await expect(mentor.page.getByTestId('pin-entry')).toBeVisible();
    await checkStudentScreen(mentor.page, 'PIN');
    // Too few numbers: the screen's own message (no try at the student's PIN is used up).
    await mentor.page.getByTestId('pin-input').fill('12');
    await mentor.page.getByTestId('pin-submit').click();
    await expect(mentor.page.getByTestId('pin-error')).toBeVisible();
    await checkStudentScreen(mentor.page, 'PIN with a message');
    await mentor.page.getByTestId('pin-input').fill(DEMO_PIN);
    await mentor.page.getByTestId('pin-submit').click();
    await expect(mentor.page.getByTestId('prejoin')).toBeVisible();
    await expect(mentor.page.getByTestId('join-button')).toBeEnabled();
    await checkStudentScreen(mentor.page, 'pre-join');
    await mentor.join();
    await mentee.openPreJoin(session.id);
    await mentee.join();
    await expect(mentor.callState()).toHaveAttribute('data-state', 'connected');
    await checkStudentScreen(mentor.page, 'call');

    await mentor.page.getByTestId('leave-button').click();
    await expect(mentor.page.getByTestId('leave-confirm')).toBeVisible();
    await checkStudentScreen(mentor.page, 'leave the call?');
    await mentor.page.keyboard.press('Escape');
    await expect(mentor.page.getByTestId('leave-confirm')).toHaveCount(0);

    await mentor.page.getByTestId('chat-toggle').click();
    await expect(mentor.page.getByTestId('chat-panel')).toBeVisible();
    await mentor.page.getByTestId('chat-input').fill('Hello');
    await mentor.page.getByTestId('chat-send').click();
    await expect(mentee.page.getByTestId('chat-unread')).toBeVisible();
    await checkStudentScreen(mentor.page, 'call with chat open');

    await mentee.page.getByTestId('worried-button').click();
    await expect(mentee.page.getByTestId('worried-confirmation')).toBeVisible();
    await checkStudentScreen(mentee.page, 'worried dialog');

    // The DSL's alert, then watching the call from it.
    const alert = dsl.page.getByTestId('alert-toast').first();
    await expect(alert).toHaveAttribute('data-kind', 'concern_raised');
    // The page around the alert is checked whole with the concern record below; here, the alert itself.
    await checkStaffScreen(dsl.page, 'DSL with a live alert', '[data-testid="alert-toast"]');
    await alert.getByTestId('alert-observe').click();
    await expect(dsl.page.getByTestId('observe-video')).toHaveCount(2);
    await expect(mentor.page.getByTestId('observer-banner')).toBeVisible();
    await checkStaffScreen(dsl.page, 'observer view', '[data-testid="observe-view"]');
    await checkStudentScreen(mentor.page, 'call while observed');
    await dsl.page.getByTestId('observe-stop').click();
    await expect(dsl.page.getByTestId('observe-view')).toHaveCount(0);

    await mentee.page.getByTestId('worried-close').first().click();
    await mentee.leave();
    await expect(mentor.page.getByTestId('partner-left')).toBeVisible();
    await checkStudentScreen(mentor.page, 'call after the partner left');
    await mentor.leave();

    // The concern the child just raised: first locked (records need an authenticator), then, once one
    // is set up (which counts as stepping up), the record itself.
    const serverNow = await readServerClock('dsl@riverside.example', DEMO_STAFF_PASSWORD);
    await openFirstConcern(dsl.page);
    await expect(dsl.page.getByTestId('step-up-enrol-first')).toBeVisible();
    await checkStaffScreen(dsl.page, 'concern locked', '[data-testid="concern-detail"]');
    // Set-up lives in Your account; the locked record links there.
    await dsl.page.getByTestId('step-up-enrol-link').click();
    await dsl.page.getByTestId('enrolment-start').click();
    const secret = (await dsl.page.getByTestId('enrolment-secret').textContent())!.trim();
    await checkStaffScreen(dsl.page, 'authenticator set-up', '[data-testid="enrolment-form"]');
    const enrolledAt = serverNow();
    await dsl.page.getByTestId('enrolment-code').fill(await generate({ secret, epoch: enrolledAt }));
    await dsl.page.getByTestId('enrolment-confirm').click();
    rememberAuthenticator('dsl@riverside.example', secret, enrolledAt);
    await expect(dsl.page.getByTestId('recovery-codes')).toBeVisible();
    await dsl.page.reload();
    await expect(dsl.page.getByTestId('staff-home')).toBeVisible();
    await openFirstConcern(dsl.page);
    await expect(dsl.page.getByTestId('concern-history')).toBeVisible();
    await checkStaffScreen(dsl.page, 'concern record');
    // The session's full log, opened from the concern, as a DSL reads it.
    await dsl.page.getByTestId('concern-detail').getByRole('button', { name: 'Open the full session log' }).click();
    await expect(dsl.page.getByTestId('session-log').getByTestId('log-entry').first()).toBeVisible();
    await checkStaffScreen(dsl.page, 'session log', '[data-testid="session-log"]');

    await checkEveryStaffArea(dsl.page, 'DSL');
  } finally {
    await dsl.context.close();
    await mentor.close();
    await mentee.close();
  }
});

test('every staff area a coordinator and a supervisor use has no serious accessibility problems', async ({ browser }) => {
  for (const [who, email] of [
    ['coordinator', 'coordinator@northgate.example'],
    ['supervisor', 'supervisor@riverside.example'],
  ] as const) {
    const staff = await signInStaff(browser, email);
    try {
      await checkStaffScreen(staff.page, `${who} home`);
      await checkEveryStaffArea(staff.page, who);
    } finally {
      await staff.context.close();
    }
  }
});
