import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORD, StaffArea, StaffSignIn } from '../support/staff-pages.js';

/*
 * The Timetable page showed two programme forms, and three after Refresh: the form
 * and the pairing board shared one React key, so React kept the old form beside the new.
 * Its one Refresh is "Refresh timetables" (the programme form's data is not polled).
 */
test('the Timetable page shows one programme form, before and after Refresh timetables', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  try {
    const signIn = new StaffSignIn(page);
    await signIn.open();
    await signIn.signIn('coordinator@riverside.example', DEMO_STAFF_PASSWORD);
    await new StaffArea(page).open('Timetable');
    const timetable = page.getByTestId('timetable-section');
    await expect(timetable).toBeVisible();
    await expect(timetable.getByTestId('programme-form')).toHaveCount(1);
    await expect(timetable.getByTestId('pairing-board')).toHaveCount(1);

    for (let refresh = 0; refresh < 2; refresh++) {
      await timetable.getByRole('button', { name: 'Refresh timetables' }).click();
      await expect(timetable.getByTestId('programme-form')).toHaveCount(1);
      // Still one once everything has loaded again.
      await page.waitForLoadState('networkidle');
      await expect(timetable.getByTestId('programme-form')).toHaveCount(1);
      await expect(timetable.getByTestId('pairing-board')).toHaveCount(1);
    }
  } finally {
    await context.close();
  }
});
