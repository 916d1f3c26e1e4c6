import { expect, type Locator, type Page } from '@playwright/test';
import { serverInfo } from './server-info.js';
import { StaffArea } from './staff-pages.js';

export type ConsentMethod = 'form' | 'letter' | 'email' | 'in_person';

/**
 * The staff area's Referrals section, by its data-testids: refer a student, record their opt-in,
 * ask for and record the parents' consent, open the parents' letter, the programme settings.
 * Sign in as a coordinator first. A referral is found by the student's full name ("Noor Haddad").
 */
export class ReferralsPage {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByTestId('referrals-section');
  }

  async open(): Promise<void> {
    await new StaffArea(this.page).open('Referrals');
    await expect(this.section().getByTestId('referral-form')).toBeVisible();
  }

  /** A new student of the signed-in coordinator's school, through the MIS import as a coordinator would add one; answers their id. */
  async importStudent(admissionNumber: string, firstName: string, lastName: string, yearGroup: number): Promise<string> {
    const url = serverInfo().url;
    const imported = await this.page.request.post(`${url}/api/staff/import/students`, {
      headers: { 'content-type': 'text/csv', origin: url },
      data: `Adno,Forename,Surname,Year\n${admissionNumber},${firstName},${lastName},${yearGroup}\n`,
    });
    expect(imported.ok(), await imported.text()).toBe(true);
    const list = (await (await this.page.request.get(`${url}/api/staff/students`)).json()) as { students: { id: string; firstName: string; lastName: string }[] };
    return list.students.find((s) => s.firstName === firstName && s.lastName === lastName)!.id;
  }

  /** The referral's row (the newest, if the student was referred before). */
  row(studentName: string): Locator {
    return this.section().locator(`[data-testid="referral-row"][data-student="${studentName}"]`).first();
  }

  /** Refers a student (by id) with some of the school's reasons and a note; waits until the queue lists it as new. */
  async refer(studentId: string, studentName: string, reasons: string[], note = '', source: 'staff' | 'self' = 'staff'): Promise<Locator> {
    const form = this.section().getByTestId('referral-form');
    await form.getByTestId('referral-student').selectOption(studentId);
    await form.getByTestId('referral-source').selectOption(source);
    for (const reason of reasons) await form.locator(`[data-testid="referral-reason"][value="${reason}"]`).check();
    if (note) await form.getByTestId('referral-note').fill(note);
    await form.getByTestId('referral-submit').click();
    await expect(form.getByTestId('referral-form-done')).toContainText(studentName);
    const row = this.row(studentName);
    await expect(row).toHaveAttribute('data-status', 'new');
    return row;
  }

  /** Opens a referral's actions (idempotent). */
  async openRow(studentName: string): Promise<Locator> {
    const row = this.row(studentName);
    const actions = row.getByTestId('referral-actions');
    if (!(await actions.isVisible())) await row.getByTestId('referral-open').click();
    await expect(actions).toBeVisible();
    return row;
  }

  /** The student said yes; `askedBy` is a staff member's name (default: whoever is signed in). */
  async recordOptIn(studentName: string, askedBy?: string): Promise<void> {
    const row = await this.openRow(studentName);
    if (askedBy) await row.getByTestId('referral-optin-asked-by').selectOption({ label: askedBy });
    await row.getByTestId('referral-optin').click();
    await expect(row.getByTestId('referral-optin-done')).toBeVisible();
  }

  async requestConsent(studentName: string): Promise<void> {
    const row = await this.openRow(studentName);
    await row.getByTestId('referral-consent-request').click();
    await expect(row).toHaveAttribute('data-status', 'waiting_for_consent');
  }

  async recordConsent(studentName: string, method: ConsentMethod = 'form'): Promise<void> {
    const row = await this.openRow(studentName);
    await row.getByTestId('referral-consent-method').selectOption(method);
    await row.getByTestId('referral-consent').click();
    await expect(row.getByTestId('referral-consent-done')).toBeVisible();
  }

  /** Opens the parents' letter and answers it (close it with `closeLetter`). */
  async openLetter(studentName: string): Promise<Locator> {
    const row = await this.openRow(studentName);
    await row.getByTestId('referral-letter-open').click();
    const letter = row.getByTestId('referral-letter');
    await expect(letter).toBeVisible();
    return letter;
  }

  async closeLetter(studentName: string): Promise<void> {
    const row = this.row(studentName);
    await row.getByTestId('referral-letter-close').click();
    await expect(row.getByTestId('referral-letter')).toHaveCount(0);
  }
}
