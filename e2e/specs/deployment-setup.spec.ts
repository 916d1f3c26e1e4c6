import { expect, test } from '@playwright/test';
import { E2E_ADMIN, serverInfo } from '../support/server-info.js';
import { DeploymentSetUp, StaffArea, StaffSignIn } from '../support/staff-pages.js';

/*
 * The deployment admin, made with `npm run create-admin` (global-setup),
 * chooses a password with the printed code, then adds two schools, partners
 * them and creates the first school's coordinator, who signs in with their own
 * code. On an upright iPad, the size schools use.
 */
test('the deployment admin signs in with the set-up code, adds two schools, partners them and creates a coordinator', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  try {
    const signIn = new StaffSignIn(page);
    await signIn.open();
    await signIn.useSetupCode(serverInfo().adminSetupCode, 'a long admin password');
    await signIn.signIn(E2E_ADMIN.email, 'a long admin password');
    await expect(page.getByTestId('staff-no-access')).toContainText("no access to children's records");
    await expect(page.getByTestId('students-section')).toHaveCount(0);

    const setUp = new DeploymentSetUp(page);
    await setUp.open();

    // Bad input is refused in words, by the field it is about.
    await setUp.fillSchool({ name: '', urn: '12345', timeZone: 'Mars/Olympus', contactEmail: 'office' });
    await expect(setUp.section.getByTestId('school-name-error')).toHaveText('Is empty.');
    await expect(setUp.section.getByTestId('school-urn-error')).toContainText('six-digit URN');
    await expect(setUp.section.getByTestId('school-time-zone-error')).toContainText('not a time zone');
    await expect(setUp.section.getByTestId('school-contact-email-error')).toContainText('email address');

    await setUp.addSchool({ name: 'Ashdown Academy', urn: '246801', contactEmail: 'office@ashdown.example' });
    await setUp.addSchool({ name: 'Brook Lane School', urn: '246802', contactEmail: 'office@brooklane.example' });
    // The same URN twice is refused by the server, shown by the URN box.
    await setUp.fillSchool({ name: 'Ashdown Again', urn: '246801', contactEmail: 'office@again.example' });
    await expect(setUp.section.getByTestId('school-urn-error')).toContainText('URN 246801 is already on Peerbridge');

    await setUp.partner('Ashdown Academy', 'Brook Lane School', '2027-01-04', '2027-07-16');
    const partnership = setUp.section.getByTestId('partnership-row').filter({ hasText: 'Ashdown Academy – Brook Lane School' });
    await expect(partnership).toContainText('Ashdown Academy mentors Brook Lane School');

    const code = await setUp.addStaff('Ashdown Academy', { fullName: 'Dana Hill', email: 'dana@ashdown.example', role: 'coordinator' });
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // The list refreshes itself every 25 s; the page loaded again (same address) shows it at once.
    await new StaffArea(page).reload();
    await expect(setUp.school('Ashdown Academy')).toContainText('Dana Hill (coordinator, waiting for set-up)');

    // Nothing in the section is wider than the iPad's screen.
    expect(await setUp.section.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await setUp.section.screenshot({ path: test.info().outputPath('schools-and-partnerships.png') });

    // The coordinator, on their own device, chooses a password with the code and lands in their school.
    const coordinatorContext = await browser.newContext({ viewport: { width: 820, height: 1180 } });
    try {
      const coordinator = new StaffSignIn(await coordinatorContext.newPage());
      await coordinator.open();
      await coordinator.useSetupCode(code, 'a long coordinator password');
      await coordinator.signIn('dana@ashdown.example', 'a long coordinator password');
      await expect(coordinator.page.getByTestId('staff-home')).toContainText('Ashdown Academy');
    } finally {
      await coordinatorContext.close();
    }
  } finally {
    await context.close();
  }
});
