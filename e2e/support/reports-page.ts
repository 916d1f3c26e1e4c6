import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';
import { parseCsv } from '../../server/src/domain/import/csv.js';
import { StaffArea } from './staff-pages.js';

/** The report tables' ids (shared/src/http/programme-reports.ts ReportTableId). */
export type ReportTableId =
  | 'referrals_by_reason'
  | 'referrals_by_status'
  | 'students_mentored'
  | 'sessions'
  | 'attendance_by_pairing'
  | 'targets'
  | 'exits_by_reason'
  | 'questionnaire';

/** A coordinator's Programme reports page: its filters, each table as shown, and each table's CSV download. */
export class ReportsPage {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('reports-section');
  }

  /** Opens Programme reports from the staff navigation and waits for the first report. */
  async open(): Promise<void> {
    await new StaffArea(this.page).open('Programme reports');
    await expect(this.section.getByTestId('report-summary')).toBeVisible();
  }

  table(id: ReportTableId): Locator {
    return this.section.getByTestId(`report-table-${id}`);
  }

  /** The table as the screen shows it: the heading row, then each row's label and cells' text. */
  async tableText(id: ReportTableId): Promise<string[][]> {
    const grid = this.table(id).locator('table');
    await expect(grid).toBeVisible();
    const head = await grid.locator('thead th').allInnerTexts();
    const rows = await grid.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    return [head.map((h) => h.trim()), ...rows];
  }

  /** One row's cells (after the label), by its label. */
  async row(id: ReportTableId, label: string): Promise<string[]> {
    const found = (await this.tableText(id)).find((r, i) => i > 0 && r[0] === label);
    if (!found) throw new Error(`no row "${label}" in ${id}`);
    return found.slice(1);
  }

  /** Presses the table's Download CSV and reads the file the browser saved. */
  async downloadCsv(id: ReportTableId): Promise<{ fileName: string; rows: string[][] }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.table(id).getByTestId(`report-csv-${id}`).click()]);
    const path = await download.path();
    return { fileName: download.suggestedFilename(), rows: parseCsv(await readFile(path, 'utf8')).map((r) => r.fields) };
  }

  /** The notes saying which figures were hidden and why ("Referrals by status, New (Referrals): fewer than 5…"). */
  async suppressedNotes(): Promise<string[]> {
    const list = this.section.getByTestId('report-suppressed');
    if ((await list.count()) === 0) return [];
    return (await list.locator('li').allTextContents()).map((t) => t.trim());
  }

  /** How many cells of all the tables show a hidden figure. */
  async hiddenCells(): Promise<number> {
    return this.section.locator('[data-testid^="report-table-"] td.report-grid__suppressed').count();
  }

  async chooseScope(label: string): Promise<void> {
    await this.section.getByTestId('report-scope').selectOption({ label });
    await expect(this.section.getByTestId('report-summary')).toContainText(label.replace(/^Partnership: /, ''));
  }

  async chooseTerm(name: string): Promise<void> {
    await this.section.getByTestId('report-term').selectOption({ label: name });
    if (name !== 'All terms') await expect(this.section.getByTestId('report-summary')).toContainText(name);
  }
}
