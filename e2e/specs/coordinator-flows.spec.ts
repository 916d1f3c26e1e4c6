import { expect, test } from '@playwright/test';
import { demoSession, e2eInstant } from '../support/server-info.js';
import { StudentsScreen, TimetableScreen } from '../support/school-setup-pages.js';
import { DEMO_STAFF_PASSWORD, StaffArea, StaffSignIn } from '../support/staff-pages.js';

/*
 * A coordinator's day in the staff area, through its addresses and its one
 * navigation, on an iPad held sideways: a link to the Timetable opened while
 * signed out lands there after sign-in; the navigation offers only a
 * coordinator's areas, and a safeguarding lead's address says so in words;
 * the students are listed, the timetable shows the partnership's possible
 * times, the sessions list narrows to today; signing out leaves at the staff
 * home. (Booking, cancelling and moving sessions are proved in depth by
 * series-lifecycle and first-school-journey; this changes nothing.)
 */
test("a coordinator's main tasks, each at its own address", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  try {
    const staff = new StaffArea(page);
    const signIn = new StaffSignIn(page);
    await signIn.open('/timetable');
    await signIn.signIn('coordinator@northgate.example', DEMO_STAFF_PASSWORD);
    await expect(page).toHaveURL(/\/staff\/timetable$/);
    await expect(staff.link('Timetable')).toHaveAttribute('aria-current', 'page');
    await expect(page.getByTestId('timetable-section')).toBeVisible();
    await expect(page).toHaveTitle('Timetable · Peerbridge Staff');

    // Only what a coordinator may use; nothing of a safeguarding lead's.
    await expect(staff.nav().getByRole('link')).toHaveText([
      'Home',
      'Sessions',
      'Referrals',
      'Targets',
      'Attendance',
      'Exits',
      'Programme reports',
      'Timetable',
      'School calendar',
      'Students',
      'iPads',
      'Staff accounts',
      'Staff actions',
      'Your account',
    ]);
    const timetable = new TimetableScreen(page);
    await expect(timetable.candidates().first()).toBeVisible();

    // The students list, with the demo's mentor in it.
    await staff.open('Students');
    await expect(page).toHaveURL(/\/staff\/students$/);
    const students = new StudentsScreen(page);
    const mentor = demoSession('now').mentor;
    await expect(students.section.locator(`[data-testid="student-row"][data-student-id="${mentor.id}"]`)).toContainText(mentor.firstName);

    // Sessions, narrowed to today (the server's clock's day).
    await staff.open('Sessions');
    const sessions = page.getByTestId('sessions-section');
    await sessions.getByTestId('sessions-today').click();
    const today = e2eInstant.slice(0, 10);
    await expect(sessions.getByTestId('sessions-from')).toHaveValue(today);
    await expect(sessions.getByTestId('session-row').first()).toContainText('25 Nov 2026');
    // The one a coordinator opens shows its details (not its log), at the session's own address.
    await sessions.getByTestId('session-row').first().click();
    await expect(page).toHaveURL(/\/staff\/sessions\/[\w-]+$/);

    // A safeguarding lead's page, and an address that is nothing: each says so and leads home.
    await page.goto(page.url().replace(/\/staff\/.*$/, '/staff/concerns'));
    await expect(page.getByTestId('staff-not-available')).toContainText('Concerns is not available for your role');
    await page.goto(page.url().replace(/\/staff\/.*$/, '/staff/no-such-page'));
    await expect(page.getByTestId('staff-not-found')).toBeVisible();
    await page.getByTestId('staff-not-found').getByRole('link', { name: 'Go to the staff home' }).click();
    await expect(page).toHaveURL(/\/staff\/?$/);
    await expect(page.getByTestId('notices-section')).toBeVisible();

    // Signed out from anywhere, the next person starts at the staff home.
    await staff.open('iPads');
    await page.getByTestId('staff-logout').click();
    await expect(page.getByTestId('staff-login')).toBeVisible();
    await expect(page).toHaveURL(/\/staff\/?$/);
  } finally {
    await context.close();
  }
});
