import { expect, type Locator, type Page } from '@playwright/test';
import { StaffArea } from './staff-pages.js';

/*
 * A coordinator's first-day screens, as page objects: the iPads, the students
 * (consent or training, a class's PINs; the import, free periods and subjects
 * are in students-page.ts) and the timetable's pairing board and booking. Selectors are the screens' `data-testid`s.
 */

/** The Devices ("iPads") section. */
export class DevicesScreen {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('devices-section');
  }

  async open(): Promise<void> {
    await new StaffArea(this.page).open('iPads');
    await expect(this.section).toBeVisible();
  }

  row(label: string): Locator {
    return this.section.locator('[data-testid="device-row"]', { hasText: label });
  }

  /** Adds an iPad and answers with the enrolment code shown once, to type on the iPad. */
  async issueCode(label: string, room: string): Promise<string> {
    await this.open();
    await this.section.getByTestId('device-label-input').fill(label);
    await this.section.getByTestId('device-room-input').fill(room);
    await this.section.getByTestId('device-enrol-submit').click();
    const code = this.section.getByTestId('enrolment-code');
    await expect(code).toBeVisible();
    const text = (await code.textContent())!.trim();
    await this.section.getByRole('button', { name: 'Done' }).click();
    await expect(this.row(label).getByTestId('device-status')).toHaveText('Waiting for set-up');
    return text;
  }

  async expectEnrolled(label: string, pool: string): Promise<void> {
    // The list refreshes itself every 25 s; the page loaded again shows it at once.
    await new StaffArea(this.page).reload();
    await expect(this.row(label).getByTestId('device-status')).toHaveText('Enrolled');
    await expect(this.section.getByTestId('device-pool')).toContainText(pool);
  }
}

/** The Students section. */
export class StudentsScreen {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('students-section');
  }

  async open(): Promise<void> {
    await new StaffArea(this.page).open('Students');
    await expect(this.section).toBeVisible();
  }

  /** A student's row, by the full name the list shows. */
  row(fullName: string): Locator {
    return this.section.getByTestId('student-row').filter({ hasText: fullName });
  }

  /** `recordedBy`: the staff member as the row names them ("Ms Dana Hill"); `how`: "on the form", "by letter"… */
  async record(fullName: string, kind: 'consent' | 'training', method: 'letter' | 'form' | 'email', recordedBy: string, how: string): Promise<void> {
    const row = this.row(fullName);
    await row.getByTestId(kind === 'consent' ? 'student-consent-toggle' : 'student-training-toggle').click();
    await this.page.getByTestId('student-record-method').selectOption(method);
    await this.page.getByTestId('student-record-confirm').click();
    await expect(row.getByTestId('student-record')).toContainText(`by ${recordedBy}, ${how}`);
  }

  /** Ticks the students, sets new PINs for them at once, and reads each PIN off its card (shown only now). */
  async classPins(fullNames: string[]): Promise<Map<string, string>> {
    for (const name of fullNames) await this.row(name).getByTestId('student-select').check();
    await this.section.getByTestId('class-pins-generate').click();
    await this.page.getByTestId('class-pins-confirm').click();
    const sheet = this.page.getByTestId('pin-sheet');
    await expect(sheet.getByTestId('pin-card')).toHaveCount(fullNames.length);
    const pins = new Map<string, string>();
    for (const card of await sheet.getByTestId('pin-card').all()) {
      const name = (await card.getByTestId('pin-card-name').textContent())!.trim();
      const pin = (await card.getByTestId('pin-card-pin').textContent())!.trim();
      expect(pin).toMatch(/^\d{4}$/);
      pins.set(name, pin);
    }
    await sheet.getByTestId('pin-sheet-done').click();
    await expect(sheet).toBeHidden();
    return pins;
  }
}

/** The Timetable section: suggested pairings and booking a weekly series. */
export class TimetableScreen {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('timetable-section');
  }

  async open(): Promise<void> {
    await new StaffArea(this.page).open('Timetable');
    await expect(this.section).toBeVisible();
  }

  /** The board's suggestion for this mentee and mentor (names as the board writes them). */
  suggestion(mentee: string, mentor: string): Locator {
    return this.section.getByTestId('suggestion-row').filter({ hasText: `${mentee} with ${mentor}` });
  }

  async accept(mentee: string, mentor: string): Promise<void> {
    const board = this.section.getByTestId('pairing-board');
    await board.getByRole('button', { name: 'Refresh suggestions' }).click();
    await this.suggestion(mentee, mentor).getByTestId('suggestion-accept').click();
    await expect(board).toContainText(`is now paired with`);
  }

  /** The possible weekly times for the chosen pairing, best first. */
  candidates(): Locator {
    return this.section.getByTestId('candidate-card');
  }

  /** Books the suggested time whose card reads `label`; answers with the booking's sentence. */
  async book(label: string): Promise<string> {
    await this.section.getByRole('button', { name: 'Refresh timetables' }).click();
    const card = this.candidates().filter({ hasText: label });
    await card.getByTestId('create-series').click();
    const result = this.section.getByTestId('series-result');
    await expect(result).toBeVisible();
    return (await result.textContent())!.trim();
  }
}
