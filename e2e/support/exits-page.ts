import { expect, type Locator, type Page } from '@playwright/test';
import { StaffArea } from './staff-pages.js';

export interface ExitChoice {
  reason: 'programme_finished' | 'targets_met' | 'student_choice' | 'moved_school' | 'safeguarding' | 'no_shows' | 'other';
  note?: string;
  /** A gradual exit's final review: the session's date as the list shows it (`YYYY-MM-DD` value of the option). */
  finalReviewOn?: string;
  questionnaire: boolean;
}

/** The coordinator's Exits section: pairings by state, ending one, the questionnaire editor and the answers. */
export class ExitsPage {
  readonly section: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('exits-section');
  }

  async open(): Promise<void> {
    await new StaffArea(this.page).open('Exits');
    await expect(this.section).toBeVisible();
  }

  pairing(pairingId: string): Locator {
    return this.section.locator(`[data-testid="exit-pairing-row"][data-pairing-id="${pairingId}"]`);
  }

  /** Ends the pairing at once, or gradually when `finalReviewOn` is given; waits for the result. */
  async exit(pairingId: string, choice: ExitChoice): Promise<string> {
    const row = this.pairing(pairingId);
    await row.getByTestId('exit-start-open').click();
    const form = row.getByTestId('exit-start-form');
    await form.getByTestId('exit-reason').selectOption(choice.reason);
    if (choice.note) await form.getByTestId('exit-note').fill(choice.note);
    if (choice.finalReviewOn) {
      await form.getByTestId('exit-mode-gradual').check();
      await form.getByTestId('exit-final-review').selectOption(choice.finalReviewOn);
    } else {
      await form.getByTestId('exit-mode-immediate').check();
    }
    await form.getByTestId('exit-questionnaire').setChecked(choice.questionnaire);
    await form.getByTestId('exit-confirm').click();
    const result = this.section.getByTestId('exit-result');
    await expect(result).toBeVisible();
    return (await result.textContent()) ?? '';
  }

  answers(pairingId: string): Locator {
    return this.pairing(pairingId).getByTestId('exit-answer');
  }

  editor(): Locator {
    return this.section.getByTestId('questionnaire-editor');
  }
}

/** On the iPad: a student whose mentoring is ending taps their name, types their PIN, answers, and reads who can still help. */
export class DeviceExitQuestionnaire {
  constructor(readonly page: Page) {}

  student(studentId: string): Locator {
    return this.page.locator(`[data-testid="device-exit-student"][data-student-id="${studentId}"]`);
  }

  async signIn(studentId: string, pin: string): Promise<void> {
    await this.student(studentId).click();
    await expect(this.page.getByTestId('exit-pin-entry')).toBeVisible();
    await this.page.getByTestId('exit-pin-input').fill(pin);
    await this.page.getByTestId('exit-pin-submit').click();
  }

  form(): Locator {
    return this.page.getByTestId('exit-questionnaire');
  }

  /** Taps a point on each question's scale. */
  async answer(scaled: Record<string, number>, freeText: string): Promise<void> {
    for (const [id, value] of Object.entries(scaled)) await this.page.getByTestId(`exit-scale-${id}-${value}`).click();
    await this.page.getByTestId('exit-free-text').fill(freeText);
    await this.page.getByTestId('exit-answer-submit').click();
  }

  problem(): Locator {
    return this.page.getByTestId('exit-answer-problem');
  }

  support(): Locator {
    return this.page.getByTestId('exit-support-message');
  }

  async done(): Promise<void> {
    await this.page.getByTestId('exit-support-done').click();
    await expect(this.page.getByTestId('device-page')).toBeVisible();
  }
}
