import { expect, type Locator, type Page } from '@playwright/test';

export type TargetStatusWord = 'not_started' | 'on_track' | 'met' | 'not_met' | 'dropped';

/**
 * The targets panel in a call (features/targets/call-targets-panel.tsx), on either student's iPad. Only the
 * mentor's has Review and Add; the mentee's shows each change as it is made.
 */
export class CallTargetsPanel {
  constructor(readonly page: Page) {}

  toggle(): Locator {
    return this.page.getByTestId('targets-toggle');
  }

  panel(): Locator {
    return this.page.getByTestId('call-targets');
  }

  /** Opens the panel (once the call is up) and waits for the targets to load. */
  async open(): Promise<void> {
    if (!(await this.panel().isVisible())) await this.toggle().click();
    await expect(this.panel()).toBeVisible();
    await expect(this.panel().getByText('Loading your targets…')).toHaveCount(0);
  }

  /** A target card by (part of) its wording, wherever it is in the panel. */
  target(what: string): Locator {
    return this.panel().getByTestId('call-target').filter({ hasText: what });
  }

  dueTargets(): Locator {
    return this.panel().getByTestId('call-targets-due').getByTestId('call-target');
  }

  /** The mentor adds a target; `dueToday` sets its review date to the session's own day, so it is due now. */
  async add(target: { what: string; why?: string; measure?: string; dueToday?: boolean }): Promise<void> {
    await this.panel().getByTestId('add-target').click();
    const form = this.panel().getByTestId('target-new-form');
    await form.getByTestId('new-target-what').fill(target.what);
    if (target.why) await form.getByTestId('new-target-why').fill(target.why);
    if (target.measure) await form.getByTestId('new-target-measure').fill(target.measure);
    if (target.dueToday) {
      const date = form.getByTestId('new-target-review-on');
      await date.fill((await date.getAttribute('min'))!);
    }
    await form.getByTestId('new-target-save').click();
    await expect(form).toHaveCount(0);
    await expect(this.target(target.what)).toBeVisible();
  }

  /** The mentor reviews a due target: its new status, progress and next step (next review date left as offered). */
  async review(what: string, review: { status: TargetStatusWord; progress: string; nextStep: string }): Promise<void> {
    const card = this.target(what);
    await card.getByTestId('review-target').click();
    const form = card.getByTestId('target-review-form');
    await form.getByTestId(`review-status-${review.status}`).click();
    await form.getByTestId('review-progress').fill(review.progress);
    await form.getByTestId('review-next-step').fill(review.nextStep);
    await form.getByTestId('review-save').click();
    await expect(card.getByTestId('call-target-reviewed')).toBeVisible();
  }
}

/** The student's own targets beside pre-join, after the PIN (features/targets/my-targets.tsx). */
export function myTargets(page: Page): Locator {
  return page.getByTestId('my-targets');
}
