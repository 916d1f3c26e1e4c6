import { expect, test, type Page } from '@playwright/test';
import { AttendancePage } from '../support/attendance-page.js';
import { ClockedJourneyServer } from '../support/clocked-journey-server.js';
import { DeviceExitQuestionnaire, ExitsPage } from '../support/exits-page.js';
import { MailCatcher } from '../support/mail-catcher.js';
import type { SchoolDevice } from '../support/pages.js';
import { ReferralsPage } from '../support/referrals-page.js';
import { ReportsPage, type ReportTableId } from '../support/reports-page.js';
import { inboundMedia } from '../support/rtc-stats.js';
import { TimetableScreen } from '../support/school-setup-pages.js';
import { menteeSchool, mentorSchool, setUpDeployment, setUpSchool, type SchoolPlan } from '../support/school-journey.js';
import { StaffSignIn } from '../support/staff-pages.js';
import { CallTargetsPanel } from '../support/targets-page.js';

/*
 * The mentoring programme from a referral to the report, through the screens alone, on a server of
 * its own (empty database, its own SMTP server) whose clock the spec moves on week by week
 * (clocked-journey-server.ts), with the periodic jobs on as in production:
 *   Tue 12 Jan: the schools are set up; Meadow Park's coordinator refers Leo, records his opt-in and
 *               his parents' consent; the pair is matched and booked on Wednesdays at 10:00.
 *   Wed 13 Jan: both meet; in the call Amira (the mentor) adds a target and reviews it.
 *   Wed 20, 27: Amira joins, Leo does not.
 *   Wed 27, after the session: the attendance sweep finds two absences in a row; Meadow Park's
 *               coordinator gets the notice and an email; the pairing is exited (no-shows) with the
 *               questionnaire, which Leo answers on his iPad; the report shows the referral, the
 *               attendance, the target and the exit, and each table's CSV is what the screen shows.
 * London is on GMT in January, so these instants are the schools' local times.
 */

const ADMIN = { email: 'ops@peerbridge.example', name: 'Sam Ops' };
const ADMIN_PASSWORD = 'the operations admin password';
const SET_UP_DAY = '2027-01-12T10:00:00Z';
const FIRST_SESSION = '2027-01-13T09:57:00Z';
const ABSENT_SESSIONS = ['2027-01-20T09:57:00Z', '2027-01-27T09:57:00Z'];
// After the session's end (even a full period) and the sweep's grace.
const AFTER_SECOND_ABSENCE = '2027-01-27T11:10:00Z';
const TARGET = 'Finish one full past paper a week';
const REPORT_TABLES: ReportTableId[] = ['referrals_by_reason', 'referrals_by_status', 'sessions', 'attendance_by_pairing', 'targets', 'exits_by_reason'];

let mail: MailCatcher;
let server: ClockedJourneyServer;

test.beforeAll(async () => {
  mail = await MailCatcher.start();
  server = await ClockedJourneyServer.create('programme-journey', { clockStart: SET_UP_DAY, admin: ADMIN, smtpUrl: mail.url, env: { BACKGROUND_JOBS: 'on' } });
});

test.afterAll(async () => {
  await server?.stop();
  await mail?.close();
});

/** After the clock moved on, staff sign in again (their sessions were on the old day). */
async function signInAgain(page: Page, school: SchoolPlan, path = '/'): Promise<void> {
  const signIn = new StaffSignIn(page, server.url);
  await signIn.open(path);
  await signIn.signIn(school.coordinator.email, school.coordinator.password);
}

/** A student on their school's iPad signs in to today's session with their partner and joins it. */
async function joinToday(device: SchoolDevice, pin: string, partner: string): Promise<void> {
  await device.page.reload();
  const card = device.page.getByTestId('session-card').filter({ hasText: partner });
  await expect(card).toHaveAttribute('data-status', 'open', { timeout: 20_000 });
  await device.openPreJoin((await card.getAttribute('data-session-id'))!, pin);
  await device.join();
}

test('a referral to the programme report: consent, a target reviewed in the call, two absences noticed and emailed, an exit with its questionnaire', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const leo = `${menteeSchool.student.firstName} ${menteeSchool.student.surname}`;
  const amira = mentorSchool.student.firstName;

  // Tuesday: both schools set up; Leo is imported without consent, which comes through his referral.
  const codes = await setUpDeployment(browser, server.url, { email: ADMIN.email, setupCode: server.adminSetupCode, password: ADMIN_PASSWORD });
  const mentor = await setUpSchool(browser, server.url, mentorSchool, codes.get(mentorSchool)!, 'mentor');
  const mentee = await setUpSchool(browser, server.url, menteeSchool, codes.get(menteeSchool)!, 'mentee', { consent: 'later' });
  const tom = mentee.page;
  try {
    const students = (await (await tom.request.get(`${server.url}/api/staff/students`)).json()) as { students: { id: string; firstName: string }[] };
    const leoId = students.students.find((s) => s.firstName === menteeSchool.student.firstName)!.id;

    const referrals = new ReferralsPage(tom);
    await referrals.open();
    await referrals.refer(leoId, leo, ['Exam stress'], 'Anxious about the mocks; his form tutor suggested mentoring.');
    await referrals.recordOptIn(leo);
    await referrals.requestConsent(leo);
    await referrals.recordConsent(leo, 'form');
    await expect(referrals.row(leo)).toHaveAttribute('data-status', 'ready_to_pair');

    const timetable = new TimetableScreen(tom);
    await timetable.open();
    await timetable.accept(leo, amira);
    await expect(timetable.candidates().first()).toContainText(/First session Wed 13 Jan/);
    expect(await timetable.book('Wednesdays at 10:00')).toMatch(/^Booked by /);

    // Wednesday 13th: they meet; Amira adds a target with Leo and marks his progress on it.
    await server.restartAt(FIRST_SESSION);
    await joinToday(mentor.ipad, mentor.pin, menteeSchool.student.firstName);
    await joinToday(mentee.ipad, mentee.pin, amira);
    for (const device of [mentor.ipad, mentee.ipad]) {
      await expect(device.callState()).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
      await expect.poll(async () => (await inboundMedia(device.page)).videoFramesDecoded, { timeout: 30_000 }).toBeGreaterThan(0);
    }
    const amirasTargets = new CallTargetsPanel(mentor.ipad.page);
    await amirasTargets.open();
    await amirasTargets.add({ what: TARGET, why: 'Timing in the exam', measure: 'Four papers by half-term', dueToday: true });
    await amirasTargets.review(TARGET, { status: 'on_track', progress: 'Did the first paper at home', nextStep: 'Time the next one' });
    const leosTargets = new CallTargetsPanel(mentee.ipad.page);
    await leosTargets.open();
    await expect(leosTargets.target(TARGET)).toHaveAttribute('data-status', 'on_track');
    await mentor.ipad.leave();
    await mentee.ipad.leave();

    // The next two Wednesdays Amira waits in the call; Leo does not come.
    for (const instant of ABSENT_SESSIONS) {
      await server.restartAt(instant);
      await joinToday(mentor.ipad, mentor.pin, menteeSchool.student.firstName);
      await expect(mentor.ipad.callState()).toHaveAttribute('data-state', 'waiting', { timeout: 30_000 });
      // Long enough for the server to see her media arrive (MediaFlowing): she was there, not a failed connection.
      await mentor.ipad.page.waitForTimeout(8_000);
      await mentor.ipad.leave();
    }

    // After the second: the sweep records both absences; Tom has the notice and the email.
    await server.restartAt(AFTER_SECOND_ABSENCE);
    const absenceMail = await mail.waitFor((m) => m.to.includes(menteeSchool.coordinator.email) && m.subject === 'Peerbridge: a student has missed several sessions', 120_000);
    expect(absenceMail.text).not.toContain(menteeSchool.student.surname);
    await signInAgain(tom, menteeSchool);
    const attendance = new AttendancePage(tom);
    await expect(await attendance.absenceNotices(menteeSchool.student.firstName)).toHaveCount(1);
    await attendance.open();
    const pairingId = (await attendance.row(menteeSchool.student.firstName).getAttribute('data-pairing-id'))!;
    await attendance.openPairing(menteeSchool.student.firstName);
    await expect(attendance.records()).toHaveCount(3);
    await expect(attendance.absences('mentee')).toHaveCount(2);
    await expect(attendance.absences('mentor')).toHaveCount(0);

    // The pairing ends early (no-shows), with the questionnaire; Leo answers it on his iPad.
    const exits = new ExitsPage(tom);
    await exits.open();
    expect(await exits.exit(pairingId, { reason: 'no_shows', note: 'Missed two sessions; support continues in school.', questionnaire: true })).toBeTruthy();
    await expect(exits.pairing(pairingId)).toHaveAttribute('data-state', 'exited');
    await mentee.ipad.page.reload();
    const questionnaire = new DeviceExitQuestionnaire(mentee.ipad.page);
    await questionnaire.signIn(leoId, mentee.pin);
    await expect(questionnaire.form()).toBeVisible();
    await questionnaire.answer({ helpful: 4, listened: 5, targets: 3, recommend: 4 }, 'Amira helped me plan my revision.');
    await expect(questionnaire.support()).toBeVisible();
    await questionnaire.done();
    // The list keeps what it fetched; a reload asks the server again.
    await tom.reload();
    await expect(exits.answers(pairingId)).toHaveCount(1);

    // The report: the referral, the attendance, the target and the exit; every table's CSV is the screen.
    const reports = new ReportsPage(tom);
    await reports.open();
    // One of each is a count below the threshold: shown as "<5", never as none.
    expect((await reports.row('referrals_by_reason', 'Exam stress'))[0]).toBe('<5');
    expect((await reports.row('targets', 'Set'))[0]).toBe('<5');
    expect((await reports.row('exits_by_reason', 'No-shows'))[0]).toBe('<5');
    // A pairing's row names children its coordinator already sees, so its counts are shown as they are:
    // three sessions expected, one attended by both (the other two missed by Leo).
    const pairingRow = (await reports.tableText('attendance_by_pairing')).find((r) => r[0] === `${amira} (${mentorSchool.name}, Y12) with ${leo} (Y11)`);
    expect(pairingRow, 'the pairing in the attendance table').toBeDefined();
    expect(pairingRow!.slice(1, 3)).toEqual(['3', '1']);
    for (const id of REPORT_TABLES) expect((await reports.downloadCsv(id)).rows, `${id}: CSV against the screen`).toEqual(await reports.tableText(id));
  } finally {
    await mentor.ipad.close();
    await mentee.ipad.close();
    await mentor.page.context().close();
    await tom.context().close();
  }
});
