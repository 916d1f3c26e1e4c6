import { expect, type Locator, type Page } from '@playwright/test';
import { serverInfo } from './server-info.js';

/** Every demo staff account's password (the server's demo data). */
export const DEMO_STAFF_PASSWORD = 'demo-password-1';

/** The staff sign-in page, including choosing a password with a one-time set-up code. */
export class StaffSignIn {
  /** `baseUrl`: another server than the demo one (the first-run journey's). */
  constructor(
    readonly page: Page,
    private readonly baseUrl?: string,
  ) {}

  /** `path`: a deep link below `/staff` (e.g. `/timetable`); the sign-in form shows there and signing in lands on it. */
  async open(path = ''): Promise<void> {
    await this.page.goto(`${this.baseUrl ?? serverInfo().url}/staff${path}`);
    await expect(this.page.getByTestId('staff-login')).toBeVisible();
  }

  async useSetupCode(code: string, password: string): Promise<void> {
    await this.page.getByTestId('setup-account-link').click();
    await this.page.getByTestId('setup-code').fill(code);
    await this.page.getByTestId('setup-password').fill(password);
    await this.page.getByTestId('setup-password-again').fill(password);
    await this.page.getByTestId('setup-submit').click();
    await expect(this.page.getByTestId('setup-result')).toBeVisible();
    await this.page.getByTestId('setup-account').getByRole('button', { name: 'Sign in' }).click();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByTestId('staff-email').fill(email);
    await this.page.getByTestId('staff-password').fill(password);
    await this.page.getByTestId('staff-login-submit').click();
    await expect(this.page.getByTestId('staff-home')).toBeVisible();
  }
}

/** Signs a demo member of staff in on this page, at the staff home. */
export async function signInDemoStaff(page: Page, email: string): Promise<void> {
  const signIn = new StaffSignIn(page);
  await signIn.open();
  await signIn.signIn(email, DEMO_STAFF_PASSWORD);
}

/**
 * The signed-in staff area's one navigation: each area is its own page under
 * `/staff` (`/staff/timetable`, `/staff/concerns/:id`, ...).
 */
export class StaffArea {
  constructor(readonly page: Page) {}

  nav(): Locator {
    return this.page.getByTestId('staff-nav');
  }

  link(name: string): Locator {
    return this.nav().getByRole('link', { name, exact: true });
  }

  /** Opens an area by the name the navigation shows ("Timetable", "iPads", "Your account") and waits until it is the current one. */
  async open(name: string): Promise<void> {
    const link = this.link(name);
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
  }

  /** The page again from the server, at the same address: every list on it fetched afresh. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.page.getByTestId('staff-home')).toBeVisible();
  }
}

/** The deployment admin's "Schools and partnerships" section. */
export class DeploymentSetUp {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('deployment-section');
  }

  async open(): Promise<void> {
    await new StaffArea(this.page).open('Schools and partnerships');
    await expect(this.section).toBeVisible();
  }

  school(name: string): Locator {
    return this.section.locator(`[data-testid="school-row"][data-school-name="${name}"]`);
  }

  async fillSchool(school: { name: string; urn: string; timeZone?: string; contactEmail: string }): Promise<void> {
    const form = this.section.getByTestId('school-form');
    await form.getByTestId('school-name').fill(school.name);
    await form.getByTestId('school-urn').fill(school.urn);
    await form.getByTestId('school-time-zone').fill(school.timeZone ?? 'Europe/London');
    await form.getByTestId('school-contact-email').fill(school.contactEmail);
    await form.getByTestId('school-create').click();
  }

  async addSchool(school: { name: string; urn: string; timeZone?: string; contactEmail: string }): Promise<void> {
    await this.fillSchool(school);
    await expect(this.school(school.name)).toBeVisible();
  }

  async partner(mentorSchool: string, menteeSchool: string, start: string, end: string): Promise<void> {
    const form = this.section.getByTestId('partnership-form');
    await form.getByTestId('partnership-mentor-school').selectOption({ label: mentorSchool });
    await form.getByTestId('partnership-mentee-school').selectOption({ label: menteeSchool });
    await form.getByTestId('partnership-start').fill(start);
    await form.getByTestId('partnership-end').fill(end);
    await form.getByTestId('partnership-create').click();
    await expect(form.getByTestId('partnership-created')).toBeVisible();
  }

  /** Creates a coordinator or DSL at the school; answers with the set-up code shown once. */
  async addStaff(schoolName: string, person: { fullName: string; email: string; role: 'coordinator' | 'dsl' }): Promise<string> {
    const row = this.school(schoolName);
    if ((await row.getByTestId('school-staff-form').count()) === 0) await row.getByTestId('school-add-staff').click();
    const form = row.getByTestId('school-staff-form');
    await form.getByTestId('school-staff-name').fill(person.fullName);
    await form.getByTestId('school-staff-email').fill(person.email);
    await form.getByTestId('school-staff-role').selectOption(person.role);
    await form.getByTestId('school-staff-create').click();
    const code = form.locator(`[data-testid="school-staff-codes"] [data-email="${person.email}"] code`);
    await expect(code).toBeVisible();
    return (await code.textContent())!.trim();
  }
}
