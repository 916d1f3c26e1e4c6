import { expect, type Locator, type Page } from '@playwright/test';
import { StaffArea } from './staff-pages.js';

export interface PeriodInput {
  name: string;
  start: string;
  end: string;
}

export interface ClosureInput {
  date: string;
  /** Both or neither: without times the closure is the whole day. */
  from?: string;
  to?: string;
  reason: string;
}

type Weekday = 1 | 2 | 3 | 4 | 5;

/** What a save or a closure did: the dry run's words when it asked first, and what it said after. */
export interface ChangeOutcome {
  /** "This cancels 1 session: Tue 8 Jun, Amy and Ben." when it asked, else null. */
  asked: string | null;
  result: string;
}

/**
 * The coordinator's "School calendar" section, by its data-testids. Edits
 * stay on screen until `save()`; each save, closure and removal runs its dry
 * run first and is confirmed here when the screen asks.
 */
export class SchoolCalendarPage {
  readonly section: Locator;
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('school-calendar-section');
    this.form = this.section.getByTestId('calendar-form');
  }

  async open(): Promise<void> {
    await new StaffArea(this.page).open('School calendar');
    await expect(this.form).toBeVisible();
  }

  periods(): Locator {
    return this.form.getByTestId('calendar-period');
  }

  period(index: number): Locator {
    return this.form.locator(`[data-testid="calendar-period"][data-index="${index}"]`);
  }

  /**
   * Replaces the periods of the whole week (no weekday) or of one weekday,
   * which turns "the same times every day" off and leaves the other days as they were.
   */
  async setBellTimes(periods: readonly PeriodInput[], weekday?: Weekday): Promise<void> {
    const same = this.form.getByTestId('calendar-same-every-day');
    if (weekday === undefined) await same.check();
    else {
      await same.uncheck();
      await this.form.getByTestId(`calendar-day-${weekday}`).click();
    }
    while ((await this.periods().count()) > 0) await this.periods().first().getByTestId('calendar-period-remove').click();
    for (const [index, period] of periods.entries()) {
      await this.form.getByTestId('calendar-period-add').click();
      await this.fillPeriod(index, period);
    }
  }

  async fillPeriod(index: number, period: Partial<PeriodInput>): Promise<void> {
    const row = this.period(index);
    if (period.name !== undefined) await row.getByTestId('calendar-period-name').fill(period.name);
    if (period.start !== undefined) await row.getByTestId('calendar-period-start').fill(period.start);
    if (period.end !== undefined) await row.getByTestId('calendar-period-end').fill(period.end);
  }

  /** Shows one weekday's periods (days edited one by one). */
  async editDay(weekday: Weekday): Promise<void> {
    await this.form.getByTestId('calendar-same-every-day').uncheck();
    await this.form.getByTestId(`calendar-day-${weekday}`).click();
  }

  async copyMondayToAll(): Promise<void> {
    await this.form.getByTestId('calendar-same-every-day').uncheck();
    await this.form.getByTestId('calendar-copy-monday').click();
  }

  async setTimeZone(zone: string): Promise<void> {
    await this.form.getByTestId('calendar-time-zone').fill(zone);
  }

  /** One week, or Week A/B with a Monday known to be in Week A ("2026-09-07"). */
  async setCycle(weeks: 1 | 2, weekAMonday?: string): Promise<void> {
    await this.form.getByTestId('calendar-cycle-weeks').selectOption(String(weeks));
    if (weeks === 2 && weekAMonday !== undefined) await this.form.getByTestId('calendar-week-a-monday').fill(weekAMonday);
  }

  terms(): Locator {
    return this.form.getByTestId('calendar-term');
  }

  term(index: number): Locator {
    return this.form.locator(`[data-testid="calendar-term"][data-index="${index}"]`);
  }

  async addTerm(name: string, start: string, end: string): Promise<void> {
    const index = await this.terms().count();
    await this.form.getByTestId('calendar-term-add').click();
    const row = this.term(index);
    await row.getByTestId('calendar-term-name').fill(name);
    await row.getByTestId('calendar-term-start').fill(start);
    await row.getByTestId('calendar-term-end').fill(end);
  }

  async removeTerm(name: string): Promise<void> {
    const count = await this.terms().count();
    for (let index = 0; index < count; index++) {
      if ((await this.term(index).getByTestId('calendar-term-name').inputValue()) === name) {
        await this.term(index).getByTestId('calendar-term-remove').click();
        return;
      }
    }
    throw new Error(`no term named ${name} on screen`);
  }

  async clearTerms(): Promise<void> {
    while ((await this.terms().count()) > 0) await this.terms().first().getByTestId('calendar-term-remove').click();
  }

  /** Saves, confirming the dry run's question when there is one; answers what it asked and what it said. */
  async save(options: { confirm?: boolean } = {}): Promise<ChangeOutcome> {
    await this.form.getByTestId('calendar-save').click();
    const refused = this.form.getByTestId('calendar-error');
    const asked = await this.askedOrDone(this.page.getByTestId('calendar-confirm-summary'), this.section.getByTestId('calendar-saved').or(refused));
    if (await refused.isVisible()) throw new Error(`the calendar was not saved: ${await refused.textContent()}`);
    if (asked !== null) {
      if (options.confirm === false) {
        await this.page.getByRole('alertdialog').getByRole('button', { name: 'Go back' }).click();
        return { asked, result: '' };
      }
      await this.page.getByTestId('calendar-confirm-save').click();
    }
    const saved = this.section.getByTestId('calendar-saved');
    await expect(saved).toBeVisible();
    return { asked, result: (await saved.textContent()) ?? '' };
  }

  /** Clicks save expecting a refusal: answers the message beside the button. */
  async saveRefused(): Promise<string> {
    await this.form.getByTestId('calendar-save').click();
    const error = this.form.getByTestId('calendar-error');
    await expect(error).toBeVisible();
    return (await error.textContent()) ?? '';
  }

  closures(): Locator {
    return this.section.getByTestId('calendar-closure');
  }

  closureOn(date: string): Locator {
    return this.section.locator(`[data-testid="calendar-closure"][data-date="${date}"]`);
  }

  async fillClosure(closure: ClosureInput): Promise<void> {
    const form = this.section.getByTestId('calendar-closure-form');
    await form.getByTestId('calendar-closure-date').fill(closure.date);
    await form.getByTestId('calendar-closure-from').fill(closure.from ?? '');
    await form.getByTestId('calendar-closure-to').fill(closure.to ?? '');
    await form.getByTestId('calendar-closure-reason').fill(closure.reason);
  }

  /** Adds an INSET day or closure, confirming when its dry run says it cancels sessions. */
  async addClosure(closure: ClosureInput): Promise<ChangeOutcome> {
    await this.fillClosure(closure);
    await this.section.getByTestId('calendar-closure-add').click();
    return this.confirmClosureChange();
  }

  /** Removes the closure on a date (its sessions come back where they can), confirming when asked. */
  async removeClosure(date: string): Promise<ChangeOutcome> {
    await this.closureOn(date).getByTestId('calendar-closure-remove').click();
    return this.confirmClosureChange();
  }

  /** Undoes the closure just added. */
  async undoClosure(): Promise<ChangeOutcome> {
    await this.section.getByTestId('calendar-closure-undo').click();
    return this.confirmClosureChange();
  }

  previewDay(date: string): Locator {
    return this.section.locator(`[data-testid="calendar-preview-day"][data-date="${date}"]`);
  }

  async previewWeekOf(date: string): Promise<void> {
    await this.section.getByTestId('calendar-preview-date').fill(date);
  }

  private async confirmClosureChange(): Promise<ChangeOutcome> {
    const result = this.section.getByTestId('calendar-closure-result');
    const refused = this.section.getByTestId('calendar-closure-error').or(this.section.getByTestId('calendar-closure-form').locator('.pb-field__error'));
    const asked = await this.askedOrDone(this.page.getByTestId('calendar-closure-confirm-summary'), result.or(refused));
    if (await refused.first().isVisible()) throw new Error(`the closure was refused: ${(await refused.allTextContents()).join(' ')}`);
    if (asked !== null) await this.page.getByTestId('calendar-closure-confirm').click();
    await expect(result).toBeVisible();
    return { asked, result: (await result.textContent()) ?? '' };
  }

  /** Waits for the dry run's question or the change's own result, whichever the screen shows. */
  private async askedOrDone(question: Locator, done: Locator): Promise<string | null> {
    await expect(question.or(done).first()).toBeVisible();
    return (await question.isVisible()) ? ((await question.textContent()) ?? '') : null;
  }
}
