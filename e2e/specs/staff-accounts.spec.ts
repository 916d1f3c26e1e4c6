import { expect, test } from '@playwright/test';
import { StaffAccountsPage } from '../support/staff-accounts-page.js';

/*
 * A coordinator on an iPad manages the school's staff accounts: adds one
 * person and sees their one-time code, changes a colleague's role (and puts
 * it back, so the other specs find the demo as it was), and deactivates the
 * person just added.
 */
test('a coordinator invites a colleague, changes a role and deactivates a leaver, on an iPad held upright', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  try {
    const accounts = await StaffAccountsPage.signIn(page, 'coordinator@northgate.example');
    // Each run seeds a fresh database, so the address is new.
    const email = 'jo.newcomer@northgate.example';

    // The form names each field that is wrong before anything is sent.
    await accounts.section().getByTestId('invite-staff-email').fill('not an email');
    await accounts.section().getByTestId('invite-staff-submit').click();
    await expect(accounts.section().getByTestId('invite-staff-name-error')).toContainText('Name');
    await expect(accounts.section().getByTestId('invite-staff-email-error')).toContainText('Email');

    await accounts.invite('Jo Newcomer', email, ['coordinator']);
    await expect(accounts.shownCode()).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(accounts.section().getByTestId('staff-account-code')).toContainText('Jo Newcomer');
    await accounts.section().getByTestId('staff-account-code-done').click();
    await expect(accounts.shownCode()).toHaveCount(0);
    await expect(accounts.row(email).getByTestId('staff-account-status')).toHaveText('Waiting for set-up');

    const jo = 'supervisor@northgate.example';
    await accounts.setRole(jo, 'coordinator', true);
    await expect(accounts.row(jo).getByTestId('staff-account-roles')).toHaveText('supervisor and coordinator');
    // A role the coordinator does not hold cannot be ticked.
    await accounts.row(jo).getByTestId('staff-account-edit-roles').click();
    await expect(accounts.row(jo).locator('[data-testid="staff-account-role"][data-role="dsl"]')).toBeDisabled();
    await accounts.row(jo).getByTestId('staff-account-edit-roles').click();
    await accounts.setRole(jo, 'coordinator', false);
    await expect(accounts.row(jo).getByTestId('staff-account-roles')).toHaveText('supervisor');

    await accounts.deactivate(email);
    await expect(accounts.row(email)).toHaveAttribute('data-status', 'deactivated');
    await expect(accounts.row(email).getByTestId('staff-account-deactivate')).toHaveCount(0);

    // Nothing in the section is wider than the screen.
    const overflow = await accounts.section().evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await accounts.section().screenshot({ path: test.info().outputPath('staff-accounts.png') });
  } finally {
    await context.close();
  }
});
