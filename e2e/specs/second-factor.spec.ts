import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { cspViolations, recordCspViolations } from '../support/csp.js';
import { readServerClock } from '../support/server-clock.js';
import { demoSession, serverInfo } from '../support/server-info.js';
import { StaffArea } from '../support/staff-pages.js';

async function signIn(page: Page, email: string) {
  await page.goto(`${serverInfo().url}/staff`);
  await page.getByTestId('staff-email').fill(email);
  await page.getByTestId('staff-password').fill('demo-password-1');
  await page.getByTestId('staff-login-submit').click();
  await expect(page.getByTestId('staff-home')).toBeVisible();
}

test('a DSL sets up an authenticator app, and a concern asks for its code before it opens', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  await recordCspViolations(context);
  const page = await context.newPage();
  try {
    const session = demoSession('now');
    const serverNowSeconds = await readServerClock('supervisor@northgate.example', 'demo-password-1');
    await signIn(page, 'dsl@northgate.example');
    // As the staff page's own script would: with its Origin (cookie-carrying changes without one are refused).
    const raised = await page.request.post(`${serverInfo().url}/api/staff/concerns`, {
      headers: { origin: serverInfo().url },
      data: { sessionId: session.id, studentIds: [session.mentor.id], whatHappened: 'Step-up spec: said something worrying.' },
    });
    expect(raised.status()).toBe(201);
    const { concernId } = (await raised.json()) as { concernId: string };
    const openConcern = async () => {
      await page.reload();
      await new StaffArea(page).open('Concerns');
      await page.locator(`[data-testid="concern-row"]`).first().waitFor();
      await page.locator(`[data-testid="concern-row"][data-concern-id="${concernId}"]`).click();
    };

    // No authenticator yet: the record is not shown, and the screen says where to set one up.
    await openConcern();
    await expect(page.getByTestId('step-up-enrol-first')).toBeVisible();
    await expect(page.getByTestId('concern-status')).toHaveCount(0);

    // Set-up, in Your account (the notice links there): the key, the app's first code, the recovery codes shown once.
    await page.getByTestId('step-up-enrol-link').click();
    await expect(page).toHaveURL(/\/staff\/account$/);
    await page.getByTestId('enrolment-start').click();
    const secret = (await page.getByTestId('enrolment-secret').textContent())!.trim();
    await expect(page.getByTestId('enrolment-uri')).toHaveAttribute('href', /^otpauth:\/\/totp\//);
    await page.getByTestId('enrolment-code').fill(await generate({ secret, epoch: serverNowSeconds() }));
    await page.getByTestId('enrolment-confirm').click();
    await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);

    // A new sign-in has not stepped up: the concern asks for the code, then opens.
    await page.getByTestId('staff-logout').click();
    await signIn(page, 'dsl@northgate.example');
    await openConcern();
    await expect(page.getByTestId('step-up-form')).toBeVisible();
    await page.getByTestId('step-up-code').fill('000000');
    await page.getByTestId('step-up-submit').click();
    await expect(page.getByTestId('step-up-error')).toBeVisible();
    // The next 30-second code (accepted one step early): newer than the one used at set-up, which cannot be used again.
    await page.getByTestId('step-up-code').fill(await generate({ secret, epoch: serverNowSeconds() + 30 }));
    await page.getByTestId('step-up-submit').click();
    await expect(page.getByTestId('concern-status')).toBeVisible();
    // The new screens work under the server's real policy (no inline styles or scripts).
    expect(await cspViolations(page)).toEqual([]);
  } finally {
    await context.close();
  }
});
