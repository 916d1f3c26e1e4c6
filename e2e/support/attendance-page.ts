import { expect, type Locator, type Page } from '@playwright/test';
import { StaffArea } from './staff-pages.js';

export type AttendanceSide = 'mentor' | 'mentee';

/**
 * The staff area's Attendance section (coordinators), by its data-testids: who is being mentored
 * at the school, each pairing's and student's sessions computed from the log, and the printable
 * list for teachers. Also the repeated-absence notice on the staff home. Sign in first (StaffSignIn).
 */
export class AttendancePage {
  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByTestId('attendance-section');
  }

  async open(): Promise<void> {
    await new StaffArea(this.page).open('Attendance');
    await expect(this.section()).toBeVisible();
    await expect(this.section().getByTestId('mentored-list').or(this.section().getByText('is being mentored at the moment'))).toBeVisible();
  }

  /** The row of one of the school's own students, by first name. */
  row(firstName: string): Locator {
    return this.section()
      .getByTestId('mentored-row')
      .filter({ has: this.page.getByTestId('mentored-name').filter({ hasText: new RegExp(`^${firstName}\\b`) }) });
  }

  /** "Came to 2 of 4 sessions · 2 absences" on the student's row. */
  counts(firstName: string): Locator {
    return this.row(firstName).getByTestId('mentored-counts');
  }

  nextSession(firstName: string): Locator {
    return this.row(firstName).getByTestId('mentored-next');
  }

  /** Opens the sessions of the pairing on the student's row (newest first). */
  async openPairing(firstName: string): Promise<Locator> {
    await this.row(firstName).getByTestId('open-pairing-attendance').click();
    const panel = this.section().getByTestId('pairing-attendance');
    await expect(panel.getByTestId('attendance-record').first().or(panel.getByText('No sessions are over yet.'))).toBeVisible();
    return panel;
  }

  /** Opens one student's own sessions across their pairings (newest first). */
  async openStudent(firstName: string): Promise<Locator> {
    await this.row(firstName).getByTestId('open-student-attendance').click();
    const panel = this.section().getByTestId('student-attendance');
    await expect(panel.getByTestId('attendance-record').first().or(panel.getByText('No sessions are over yet.'))).toBeVisible();
    return panel;
  }

  /** The session rows of the open pairing or student panel. */
  records(): Locator {
    return this.section().getByTestId('attendance-record');
  }

  /** The open panel's sessions at which one side was absent. */
  absences(side: AttendanceSide): Locator {
    return this.section().locator(`[data-testid="attendance-record"][data-${side}="absent"]`);
  }

  /** Opens the printable list for teachers; returns the printer's copy (shown only in print media). */
  async openPrintable(): Promise<Locator> {
    await this.section().getByTestId('attendance-printable').click();
    await expect(this.section().getByTestId('attendance-print-bar')).toBeVisible();
    return this.page.getByTestId('mentored-print');
  }

  async closePrintable(): Promise<void> {
    await this.section().getByTestId('attendance-print-close').click();
    await expect(this.page.getByTestId('mentored-print')).toHaveCount(0);
  }

  /** On the staff home: the coordinator's repeated-absence notices, optionally about one student (first name). */
  async absenceNotices(firstName?: string): Promise<Locator> {
    await new StaffArea(this.page).open('Home');
    const notices = this.page.getByTestId('notices-section').getByTestId('notice-row').filter({ hasText: 'Missed sessions in a row' });
    return firstName ? notices.filter({ hasText: `${firstName} has missed` }) : notices;
  }
}
