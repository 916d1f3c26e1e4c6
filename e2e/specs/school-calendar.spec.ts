import { expect, test, type Page } from '@playwright/test';
import { SchoolCalendarPage } from '../support/school-calendar-page.js';
import { serverInfo } from '../support/server-info.js';
import { DEMO_STAFF_PASSWORD, StaffArea, StaffSignIn } from '../support/staff-pages.js';

/*
 * A coordinator keeps the school calendar from the screen: bad input is
 * refused next to the box it names, Monday may differ from the other days,
 * the preview shows the week before saving, and a change that cancels booked
 * sessions says which ones before it is made. Every change is put back, so
 * the other specs meet the demo calendar as seeded.
 */

const COORDINATOR = 'coordinator@riverside.example';

async function signedIn(page: Page): Promise<SchoolCalendarPage> {
  const signIn = new StaffSignIn(page);
  await signIn.open();
  await signIn.signIn(COORDINATOR, DEMO_STAFF_PASSWORD);
  const calendar = new SchoolCalendarPage(page);
  await calendar.open();
  return calendar;
}

async function noWiderThanTheScreen(calendar: SchoolCalendarPage) {
  expect(await calendar.section.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
}

test('bad bell times, terms and Week A Mondays are refused next to their boxes, and nothing is saved (iPad upright)', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const page = await context.newPage();
  try {
    const calendar = await signedIn(page);
    await expect(calendar.form.getByTestId('calendar-same-every-day')).toBeChecked();
    await expect(calendar.form.getByTestId('calendar-week-a-monday')).toHaveValue('2026-09-07');

    await calendar.fillPeriod(0, { end: '25:00' });
    expect(await calendar.saveRefused()).toContain('fix the problem marked above');
    await expect(calendar.period(0).getByTestId('calendar-period-end-error')).toHaveText('Must be a time like 08:40.');
    // Fixed, the mark goes at once.
    await calendar.fillPeriod(0, { end: '09:00' });
    await expect(calendar.period(0).getByTestId('calendar-period-end-error')).toHaveCount(0);

    // Break from 10:30 runs into P2 (09:50–10:40).
    await calendar.fillPeriod(3, { start: '10:30' });
    await calendar.fillPeriod(1, { name: ' ' });
    await calendar.term(0).getByTestId('calendar-term-end').fill('2026-09-01');
    await calendar.form.getByTestId('calendar-week-a-monday').fill('2026-09-08');
    expect(await calendar.saveRefused()).toContain('fix the problems marked above');
    await expect(calendar.form.getByTestId('calendar-day-error')).toHaveText(
      'Every day has overlapping periods: P2 (09:50–10:40) and Break (10:30–11:00).',
    );
    await expect(calendar.period(1).getByTestId('calendar-period-name-error')).toHaveText('Is empty.');
    await expect(calendar.term(0).getByTestId('calendar-term-end-error')).toHaveText('Must end on or after its start.');
    await expect(calendar.form.getByTestId('calendar-week-a-error')).toHaveText('Must be a Monday.');
    await noWiderThanTheScreen(calendar);

    // Nothing reached the server.
    await page.reload();
    await calendar.open();
    await expect(calendar.period(3).getByTestId('calendar-period-start')).toHaveValue('10:40');
    await expect(calendar.term(0).getByTestId('calendar-term-end')).not.toHaveValue('2026-09-01');
    await expect(calendar.form.getByTestId('calendar-week-a-monday')).toHaveValue('2026-09-07');
  } finally {
    await context.close();
  }
});

test("Monday's times differ from the other days, the preview shows it before saving, and it is put back (iPad landscape)", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  try {
    const calendar = await signedIn(page);
    // Week A from 7 September: 30 November is A again, 7 December B, and the 21st is in the holiday.
    await calendar.previewWeekOf('2026-12-07');
    await expect(calendar.previewDay('2026-12-07')).toHaveAttribute('data-week', 'B');
    await calendar.previewWeekOf('2026-11-30');
    await expect(calendar.previewDay('2026-11-30')).toHaveAttribute('data-week', 'A');
    await calendar.previewWeekOf('2026-12-21');
    await expect(calendar.previewDay('2026-12-21')).toHaveAttribute('data-status', 'holiday');

    await calendar.editDay(1);
    await calendar.fillPeriod(0, { start: '08:30' });
    await calendar.addTerm('Autumn 1 next year', '2027-09-02', '2027-10-22');
    await calendar.previewWeekOf('2026-11-30');
    await expect(calendar.previewDay('2026-11-30')).toContainText('08:30–09:00 Registration');
    await expect(calendar.previewDay('2026-12-01')).toContainText('08:40–09:00 Registration');
    await noWiderThanTheScreen(calendar);

    const saved = await calendar.save();
    expect(saved.asked).toBeNull();
    expect(saved.result).toContain('Calendar saved. No booked sessions were cancelled.');
    // The form starts again from what the server holds: Monday on its own.
    await expect(calendar.form.getByTestId('calendar-same-every-day')).not.toBeChecked();
    await calendar.editDay(1);
    await expect(calendar.period(0).getByTestId('calendar-period-start')).toHaveValue('08:30');
    await calendar.editDay(2);
    await expect(calendar.period(0).getByTestId('calendar-period-start')).toHaveValue('08:40');

    // Put back as seeded.
    await calendar.editDay(1);
    await calendar.fillPeriod(0, { start: '08:40' });
    await calendar.removeTerm('Autumn 1 next year');
    await calendar.save();
    await expect(calendar.form.getByTestId('calendar-same-every-day')).toBeChecked();
    await expect(calendar.terms()).toHaveCount(6);
  } finally {
    await context.close();
  }
});

interface Candidate {
  id: string;
  weekday: number;
  lostDates: { date: string }[];
}

/** The first programme date on or after `from` that the candidate's weekly series meets on. */
function meetingDateFrom(candidate: Candidate, from: string): string {
  const date = new Date(`${from}T12:00:00Z`);
  for (;;) {
    const iso = date.toISOString().slice(0, 10);
    const weekday = ((date.getUTCDay() + 6) % 7) + 1;
    if (weekday === candidate.weekday && !candidate.lostDates.some((l) => l.date === iso)) return iso;
    date.setUTCDate(date.getUTCDate() + 1);
  }
}

test('a closure on a booked date names what it cancels before it is added, and undoing it books the session again', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  try {
    const calendar = await signedIn(page);
    const url = serverInfo().url;

    // A weekly series to cancel from, booked as the Timetable would book it.
    const { partnerships } = (await (await page.request.get(`${url}/api/staff/partnerships`)).json()) as {
      partnerships: { pairings: { id: string; mentor: { firstName: string }; mentee: { firstName: string } }[] }[];
    };
    const pairing = partnerships[0]!.pairings[0]!;
    const { candidates } = (await (await page.request.get(`${url}/api/staff/pairings/${pairing.id}/candidates`)).json()) as { candidates: Candidate[] };
    const candidate = candidates[0]!;
    const booked = await page.request.post(`${url}/api/staff/pairings/${pairing.id}/series`, { headers: { origin: url }, data: { candidateId: candidate.id } });
    expect(booked.status()).toBe(201);
    const date = meetingDateFrom(candidate, '2027-06-14');
    const shortDate = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
    const pair = `${shortDate}, ${pairing.mentor.firstName} and ${pairing.mentee.firstName}`;

    // Removing the summer's last half term would cancel its sessions: the screen asks, and going back saves nothing.
    await calendar.removeTerm('Summer 2');
    const declined = await calendar.save({ confirm: false });
    expect(declined.asked).toMatch(/^This cancels \d+ sessions?: /);
    await expect(calendar.section.getByTestId('calendar-saved')).toHaveCount(0);
    await page.reload();
    await calendar.open();
    await expect(calendar.terms()).toHaveCount(6);

    const added = await calendar.addClosure({ date, reason: 'INSET day (browser test)' });
    expect(added.asked).toBe(`This cancels 1 session: ${pair}.`);
    expect(added.result).toContain(`1 session was cancelled: ${pair}.`);
    await expect(calendar.closureOn(date)).toContainText('Closed all day: INSET day (browser test)');
    await expect(calendar.closureOn(date).getByTestId('calendar-closure-cancelled')).toHaveText(`It cancelled 1 session: ${pair}.`);
    await calendar.previewWeekOf(date);
    await expect(calendar.previewDay(date)).toHaveAttribute('data-status', 'closed');

    const undone = await calendar.undoClosure();
    expect(undone.asked).toBe(`This books again 1 session: ${pair}.`);
    expect(undone.result).toContain(`Booked again 1 session: ${pair}.`);
    await expect(calendar.closureOn(date)).toHaveCount(0);
    await noWiderThanTheScreen(calendar);

    // Ending the programme earlier is a calendar change too: the Timetable asks first, and going back changes nothing.
    await new StaffArea(page).open('Timetable');
    const programme = page.getByTestId('timetable-section').getByTestId('programme-form');
    await programme.getByLabel('Last day').fill('2027-06-30');
    await programme.getByTestId('programme-save').click();
    const summary = page.getByTestId('programme-confirm-summary');
    await expect(summary).toHaveText(/^This cancels \d+ sessions?: /);
    await expect(summary).toContainText(`${pairing.mentor.firstName} and ${pairing.mentee.firstName}`);
    await page.getByRole('alertdialog').getByRole('button', { name: 'Go back' }).click();
    await expect(programme.getByTestId('programme-saved')).toHaveCount(0);
  } finally {
    await context.close();
  }
});
