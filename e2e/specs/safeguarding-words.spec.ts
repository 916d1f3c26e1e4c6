import { expect, test } from '@playwright/test';
import { DEMO_STAFF_PASSWORD, StaffArea, StaffSignIn } from '../support/staff-pages.js';

/*
 * A DSL keeps the school's own safeguarding words: sees the default list,
 * adds a phrase students use, is told exactly what is wrong with a bad line,
 * finds the change on Staff actions, then goes back to the default (so the
 * other specs' chat is checked as before).
 */
test('a DSL edits the safeguarding words on an iPad, and the change is on Staff actions', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  try {
    const signIn = new StaffSignIn(page);
    await signIn.open();
    await signIn.signIn('dsl@northgate.example', DEMO_STAFF_PASSWORD);

    const staff = new StaffArea(page);
    await staff.open('Safeguarding words');
    const section = page.getByTestId('keywords-section');
    await expect(section.getByTestId('keywords-status')).toContainText('default list');
    await expect(section.getByTestId('keywords-status')).toContainText('Riverside High School');
    const box = section.getByTestId('keywords-box');
    await expect(box).toHaveValue(/unalive/);

    await box.fill('peng\nopps\nPeng');
    await section.getByTestId('keywords-save').click();
    await expect(section.getByTestId('keywords-error')).toHaveText('Line 3 (“Peng”) repeats "peng".');

    await box.fill('peng\nopps');
    await section.getByTestId('keywords-save').click();
    await expect(section.getByTestId('keywords-saved')).toContainText('Saved (2 added,');
    await expect(section.getByTestId('keywords-status')).toContainText('its own list (2 phrases)');

    await staff.open('Staff actions');
    const audit = page.getByTestId('audit-section');
    const entry = audit.locator('[data-testid="audit-entry"][data-kind="SafeguardingKeywordsChanged"]').first();
    await expect(entry).toContainText('Mr Ravi Patel changed the safeguarding words: added “peng”, “opps”; removed');

    await staff.open('Safeguarding words');
    await section.getByTestId('keywords-default').click();
    await expect(section.getByTestId('keywords-saved')).toContainText('Back to the default list');
    await expect(section.getByTestId('keywords-status')).toContainText('default list');
  } finally {
    await context.close();
  }
});
