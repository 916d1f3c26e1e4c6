import { expect, type Locator, type Page } from '@playwright/test';
import { StaffArea } from './staff-pages.js';

export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri';
/** Which grid: Week A, Week B, or the one grid shown when both weeks are the same (or the school runs one week). */
export type GridWeek = 'A' | 'B' | 'both';

const WEEKDAY_NUMBER: Record<Weekday, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5 };

/**
 * The staff area's Students section, by its data-testids: a student's free
 * periods and subjects, and the MIS import. Sign in first (StaffSignIn);
 * `openStudent` chooses the student the other methods work on.
 */
export class StudentsPage {
  private current: Locator | null = null;

  constructor(readonly page: Page) {}

  section(): Locator {
    return this.page.getByTestId('students-section');
  }

  /** The Students page, from the navigation (already there, it stays as it is). */
  async open(): Promise<void> {
    await new StaffArea(this.page).open('Students');
    await expect(this.section()).toBeVisible();
  }

  /** A student's row by full name as listed ("Tess Quill"). */
  row(name: string): Locator {
    return this.section()
      .getByTestId('student-row')
      .filter({ has: this.page.locator('.staff-row__title', { hasText: new RegExp(`^${name}$`) }) });
  }

  /** Opens the student's free periods and subjects, and waits for the grid. */
  async openStudent(name: string): Promise<void> {
    await this.open();
    const row = this.row(name);
    await row.scrollIntoViewIfNeeded();
    const panel = row.getByTestId('student-matching');
    if (!(await panel.isVisible())) await row.getByTestId('student-matching-open').click();
    await expect(panel.getByTestId('student-matching-save')).toBeVisible();
    this.current = panel;
  }

  panel(): Locator {
    if (!this.current) throw new Error('open a student first (openStudent)');
    return this.current;
  }

  cell(week: GridWeek, weekday: Weekday, period: string): Locator {
    return this.panel().getByTestId(`free-cell-${week}-${WEEKDAY_NUMBER[weekday]}-${period}`);
  }

  async isFree(week: GridWeek, weekday: Weekday, period: string): Promise<boolean> {
    return (await this.cell(week, weekday, period).getAttribute('aria-pressed')) === 'true';
  }

  /** Taps a cell; asking for Week A or B while one grid shows for both weeks splits them first (keeping every tick), and the reverse. */
  async toggleFree(week: GridWeek, weekday: Weekday, period: string): Promise<void> {
    await this.showGrid(week);
    const cell = this.cell(week, weekday, period);
    const was = await this.isFree(week, weekday, period);
    await cell.click();
    await expect(cell).toHaveAttribute('aria-pressed', String(!was));
  }

  private async showGrid(week: GridWeek): Promise<void> {
    if (await this.panel().getByTestId(`free-grid-${week}`).isVisible()) return;
    const same = this.panel().getByTestId('free-same-both-weeks');
    // A one-week school shows only the "both" grid, with no switch.
    if ((await same.count()) === 0) throw new Error(`this school runs a one-week timetable: use week "both", not "${week}"`);
    await this.sameBothWeeks(week === 'both');
    await expect(this.panel().getByTestId(`free-grid-${week}`)).toBeVisible();
  }

  /** "Same both weeks": one grid for Week A and Week B (ticking it copies Week A into Week B). */
  async sameBothWeeks(on: boolean): Promise<void> {
    await this.panel().getByTestId('free-same-both-weeks').setChecked(on);
  }

  subjects(): Locator {
    return this.panel().getByTestId('subject-chip');
  }

  /** Replaces the chips with these subjects, typed as a coordinator would. */
  async setSubjects(subjects: string[]): Promise<void> {
    const panel = this.panel();
    for (const chip of await panel.getByTestId('subject-chip').all()) {
      await panel.getByTestId(`subject-remove-${await chip.getAttribute('data-subject')}`).click();
    }
    await expect(this.subjects()).toHaveCount(0);
    for (const subject of subjects) {
      await panel.getByTestId('subject-input').fill(subject);
      await panel.getByTestId('subject-input').press('Enter');
    }
  }

  /** Saves both; resolves once the screen says they were saved. */
  async save(): Promise<void> {
    await this.panel().getByTestId('student-matching-save').click();
    await expect(this.panel().getByTestId('student-matching-saved')).toContainText('Saved');
  }

  /** Checks a CSV (a dry run) and, unless `checkOnly`, imports it; resolves with the summary shown. */
  async importCsv(text: string, options: { checkOnly?: boolean; name?: string } = {}): Promise<string> {
    await this.open();
    const panel = this.section().getByTestId('import-students');
    await panel.scrollIntoViewIfNeeded();
    await panel.getByTestId('import-file').setInputFiles({ name: options.name ?? 'students.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await panel.getByTestId('import-check').click();
    const summary = panel.getByTestId('import-summary');
    await expect(summary.or(panel.getByTestId('import-problems'))).toBeVisible();
    if (options.checkOnly || !(await summary.isVisible())) return (await summary.or(panel.getByTestId('import-problems')).textContent()) ?? '';
    await panel.getByTestId('import-run').click();
    await expect(summary).toContainText('Imported');
    return (await summary.textContent()) ?? '';
  }
}
