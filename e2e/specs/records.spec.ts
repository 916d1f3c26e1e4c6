import { expect, test } from '@playwright/test';
import { joinBoth, SchoolDevice } from '../support/pages.js';
import { readServerClock } from '../support/server-clock.js';
import { unlockRecords } from '../support/records-unlock.js';
import { demoSession, serverInfo } from '../support/server-info.js';
import { DEMO_STAFF_PASSWORD, StaffArea, StaffSignIn } from '../support/staff-pages.js';

const UUID_LIKE = /[0-9a-f]{8}-?[0-9a-f]{4}/i;

/*
 * A concern's record in plain words: the log excerpt names the children as the
 * full log does, nothing internal shows, who viewed it lists the reader, the
 * child's chronology opens (with the session as a line of its own), and the CSV carries names.
 */
test('a concern record reads in names, lists who viewed it, opens the chronology and exports names', async ({ browser }) => {
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  try {
    await joinBoth(session.id, mentor, mentee);
    await expect(mentee.callState()).toHaveAttribute('data-state', 'connected');
    await mentee.page.getByTestId('worried-button').click();
    await expect(mentee.page.getByTestId('worried-dialog')).toBeVisible();
    await mentee.page.getByTestId('worried-leave').click();
    await mentor.leave();

    // Riverside's DSL: Sam (the mentee) is their child, Priya the partner school's.
    const serverNowSeconds = await readServerClock('supervisor@northgate.example', DEMO_STAFF_PASSWORD);
    const signIn = new StaffSignIn(page);
    await signIn.open();
    await signIn.signIn('dsl@riverside.example', DEMO_STAFF_PASSWORD);
    const staffArea = new StaffArea(page);
    await staffArea.open('Concerns');
    await page.getByTestId('concern-row').first().click();
    // The record needs the second factor: set the app up here, or answer its code if a spec before this one did.
    await unlockRecords(page, 'dsl@riverside.example', serverNowSeconds);
    await staffArea.reload();
    await staffArea.open('Concerns');
    await page.getByTestId('concern-row').first().click();

    const detail = page.getByTestId('concern-detail');
    await expect(detail.getByTestId('concern-status')).toBeVisible();
    const excerpt = detail.getByTestId('concern-log-excerpt-entry');
    // The shared server's "now" session has been joined by earlier specs too, so each name shows at least once.
    await expect(excerpt.filter({ hasText: `${session.mentee.firstName} joined` }).first()).toBeVisible();
    await expect(excerpt.filter({ hasText: `${session.mentor.firstName} joined` }).first()).toBeVisible();
    await expect(excerpt.filter({ hasText: 'A student joined' })).toHaveCount(0);
    const words = (await detail.innerText()).replace(/Download (CSV|JSON)/g, '');
    expect(words).not.toMatch(UUID_LIKE);
    expect(words).not.toMatch(/\b(true|false)\b|contactKinds|device:/);

    const viewers = detail.getByTestId('log-views').getByTestId('log-view');
    await expect(viewers.filter({ hasText: 'Ms Grace Adeyemi' }).filter({ hasText: 'Safeguarding lead' }).filter({ hasText: 'Riverside' }).first()).toBeVisible();

    await detail.getByTestId('open-chronology').click();
    const chronology = detail.getByTestId('child-chronology');
    await expect(chronology.getByTestId('chronology-entry').filter({ hasText: `${session.mentee.firstName} (Riverside High School) pressed “I’m worried”` }).first()).toBeVisible();
    // The session itself is a line too, labelled, with the partner by first name, year and school only.
    const sessionLine = chronology.locator('[data-testid="chronology-entry"][data-source="session"]').filter({ hasText: `Held: ${session.mentee.firstName} joined the session with ${session.mentor.firstName} (Year 12, Northgate Academy)` }).first();
    await expect(sessionLine).toBeVisible();
    await expect(sessionLine.getByTestId('chronology-label')).toHaveText('Session');

    const href = await detail.getByTestId('concern-export-csv').getAttribute('href');
    const csv = await (await page.request.get(`${serverInfo().url}${href}`)).text();
    const [header, first] = csv.split('\r\n');
    expect(header).toBe('Date,Time,Child,School,Year,What happened,Recorded by,Action taken / Status,Reference');
    expect(first).toContain('Northgate Academy; Riverside High School');
    expect(first).toContain('Year 12; Year 11');
    expect(first).toContain(`${session.mentee.firstName} (Riverside High School) pressed “I’m worried”`);
  } finally {
    await context.close();
    await mentor.close();
    await mentee.close();
  }
});
