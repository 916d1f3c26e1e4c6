import { expect, test, type Locator } from '@playwright/test';
import { e2eInstant } from '../support/server-info.js';
import { DEMO_STAFF_PASSWORD, StaffArea, StaffSignIn } from '../support/staff-pages.js';

/** How many lines of text an element takes, from its height and its own line height. */
const linesOf = (element: Locator) =>
  element.evaluate((el) => {
    const style = getComputedStyle(el);
    return Math.round(el.getBoundingClientRect().height / parseFloat(style.lineHeight));
  });

/*
 * A DSL's sessions list on a 1366 px laptop: each row reads on two lines (who,
 * then when), with a log open beside it too; "Today" narrows to today; and
 * cancelled sessions stay out of the way unless asked for.
 */
test('the sessions list fits a laptop, with a Today shortcut and cancelled sessions hidden by default', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  try {
    const signIn = new StaffSignIn(page);
    await signIn.open();
    await signIn.signIn('dsl@northgate.example', DEMO_STAFF_PASSWORD);
    await new StaffArea(page).open('Sessions and logs');
    const sessions = page.getByTestId('sessions-section');
    const rows = sessions.getByTestId('session-row');
    await expect(rows.first()).toBeVisible();

    const expectTwoLineRows = async () => {
      for (const row of await rows.all()) {
        expect(await linesOf(row.locator('.session-row__who'))).toBe(1);
        expect(await linesOf(row.locator('.session-row__when'))).toBe(1);
      }
    };
    await expectTwoLineRows();
    await rows.first().click();
    await expect(sessions.getByTestId('session-log')).toBeVisible();
    await expectTwoLineRows();

    await expect(sessions.getByTestId('sessions-cancelled-filter')).not.toBeChecked();
    await expect(rows.and(page.locator('[data-status="cancelled"]'))).toHaveCount(0);

    await sessions.getByTestId('sessions-today').click();
    // The server's clock says 25 Nov 2026 (the e2e instant), and so does the school day shown.
    const today = e2eInstant.slice(0, 10);
    await expect(sessions.getByTestId('sessions-from')).toHaveValue(today);
    await expect(sessions.getByTestId('sessions-to')).toHaveValue(today);
    await expect(sessions.getByTestId('sessions-today')).toHaveAttribute('aria-pressed', 'true');
    // Every row shown is today's, once the list has answered the new range (the demo's weeks of history were listed before).
    await expect
      .poll(async () => {
        const when = await rows.locator('.session-row__when').allTextContents();
        return when.length > 0 && when.every((text) => text.includes('25 Nov 2026'));
      })
      .toBe(true);
  } finally {
    await context.close();
  }
});
