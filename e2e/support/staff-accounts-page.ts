import { expect, type Page } from '@playwright/test';
import { serverInfo } from './server-info.js';
import { DEMO_STAFF_PASSWORD, StaffArea } from './staff-pages.js';

/** The staff area's "Staff accounts" section, by its data-testids. */
export class StaffAccountsPage {
  constructor(readonly page: Page) {}

  /** `baseUrl`: a spec's own server instead of the shared demo one. */
  static async signIn(page: Page, email: string, password = DEMO_STAFF_PASSWORD, baseUrl = serverInfo().url): Promise<StaffAccountsPage> {
    await page.goto(`${baseUrl}/staff`);
    await page.getByTestId('staff-email').fill(email);
    await page.getByTestId('staff-password').fill(password);
    await page.getByTestId('staff-login-submit').click();
    await expect(page.getByTestId('staff-home')).toBeVisible();
    const accounts = new StaffAccountsPage(page);
    await new StaffArea(page).open('Staff accounts');
    await expect(accounts.section()).toBeVisible();
    return accounts;
  }

  section() {
    return this.page.getByTestId('staff-accounts-section');
  }

  row(email: string) {
    return this.section().locator(`[data-testid="staff-account-row"][data-email="${email}"]`);
  }

  /** Fills in the "Add one person" form and sends it; the code card shows next. */
  async invite(fullName: string, email: string, roles: string[]): Promise<void> {
    const form = this.section().getByTestId('invite-staff');
    await form.getByTestId('invite-staff-name').fill(fullName);
    await form.getByTestId('invite-staff-email').fill(email);
    for (const role of roles) await form.locator(`[data-testid="invite-staff-role"][data-role="${role}"]`).check();
    await form.getByTestId('invite-staff-submit').click();
  }

  shownCode() {
    return this.section().getByTestId('staff-account-code').locator('.setup-codes__code');
  }

  async setRole(email: string, role: string, on: boolean): Promise<void> {
    const row = this.row(email);
    await row.getByTestId('staff-account-edit-roles').click();
    await row.locator(`[data-testid="staff-account-role"][data-role="${role}"]`).setChecked(on);
    await row.getByTestId('staff-account-save-roles').click();
    await expect(row.getByTestId('staff-account-roles-editor')).toHaveCount(0);
  }

  async deactivate(email: string): Promise<void> {
    await this.row(email).getByTestId('staff-account-deactivate').click();
    await this.page.getByTestId('staff-account-confirm').click();
  }
}
