import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORD, StaffArea, StaffSignIn } from '../support/staff-pages.js';

/*
 * A coordinator gets a calendar-feed address from "Your account", limited to the series they
 * booked, sees which feed is in use, and stops it: the address then serves nothing.
 */
test('a coordinator gets, limits and stops their calendar feed from the screen', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  try {
    const signIn = new StaffSignIn(page);
    await signIn.open();
    await signIn.signIn('coordinator@riverside.example', DEMO_STAFF_PASSWORD);
    await new StaffArea(page).open('Your account');
    const feed = page.getByTestId('account-section').getByTestId('calendar-feed');
    await expect(feed.getByTestId('calendar-feed-status')).toContainText('No calendar feed');

    await feed.getByTestId('calendar-feed-scope').selectOption('mine');
    await feed.getByTestId('calendar-feed-create').click();
    const address = await feed.getByTestId('calendar-feed-address').inputValue();
    expect(address).toMatch(/\/calendar\/[\w-]{43}\.ics$/);
    await expect(feed.getByTestId('calendar-feed-status')).toContainText('the series you booked');
    const served = await page.request.get(address);
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toMatch(/^text\/calendar/);
    // iCalendar folds long lines at 75 octets: unfold before reading the calendar's name.
    expect((await served.text()).replace(/\r\n[ \t]/g, '')).toContain("Mr Owen Price's pairings");

    await feed.getByTestId('calendar-feed-stop').click();
    await expect(feed.getByTestId('calendar-feed-status')).toContainText('No calendar feed');
    expect((await page.request.get(address)).status()).toBe(404);
    // Nothing in the panel is wider than the iPad's screen.
    expect(await feed.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  } finally {
    await context.close();
  }
});
