import { expect, test, type Browser, type Page } from '@playwright/test';
import { SchoolDevice } from '../support/pages.js';
import { inboundMedia } from '../support/rtc-stats.js';
import { JOURNEY_ADMIN, startJourneyServer, type JourneyServer } from '../support/journey-server.js';
import { SchoolCalendarPage } from '../support/school-calendar-page.js';
import { StudentsPage } from '../support/students-page.js';
import { DevicesScreen, StudentsScreen, TimetableScreen } from '../support/school-setup-pages.js';
import { DeploymentSetUp, StaffSignIn } from '../support/staff-pages.js';

/*
 * A real deployment from nothing to its first call, through the screens alone, on
 * a server of its own with an empty database (journey-server.ts): the admin made
 * by `npm run create-admin` sets up two schools, a partnership and a coordinator
 * for each; each coordinator sets up their school (calendar, an iPad, students,
 * consent or training, PINs); the pairing board suggests the pair, the
 * coordinator accepts it and books a weekly series; its first session is the one
 * starting now, and the two students meet on their own schools' iPads.
 *
 * The server's clock starts on Wednesday 13 January 2027 at 09:55 (JOURNEY_INSTANT);
 * Period 2 starts at 10:00, so the series' first session opens to join on booking.
 */

const IPAD = { viewport: { width: 1024, height: 768 } };
const PROGRAMME = { start: '2027-01-04', end: '2027-07-16' };

interface SchoolPlan {
  name: string;
  urn: string;
  contactEmail: string;
  coordinator: { fullName: string; email: string; password: string };
  ipad: { label: string; room: string };
  student: { admissionNumber: string; firstName: string; surname: string; year: number; subjects: string[] };
}

const mentorSchool: SchoolPlan = {
  name: 'Hillcrest Sixth Form',
  urn: '318001',
  contactEmail: 'office@hillcrest.example',
  coordinator: { fullName: 'Priya Shah', email: 'priya.shah@hillcrest.example', password: 'hillcrest coordinator password' },
  ipad: { label: 'Library iPad', room: 'Library' },
  student: { admissionNumber: 'H1201', firstName: 'Amira', surname: 'Khan', year: 12, subjects: ['maths', 'physics'] },
};

const menteeSchool: SchoolPlan = {
  name: 'Meadow Park School',
  urn: '318002',
  contactEmail: 'office@meadowpark.example',
  coordinator: { fullName: 'Tom Reed', email: 'tom.reed@meadowpark.example', password: 'meadow park coordinator password' },
  ipad: { label: 'Maths iPad', room: 'Room 12' },
  student: { admissionNumber: 'M0917', firstName: 'Leo', surname: 'Baker', year: 11, subjects: ['maths'] },
};

/** Both schools' year: five one-hour periods a day, Week A/B from 4 January, the spring and summer terms. */
const PERIODS = [
  { name: 'P1', start: '09:00', end: '10:00' },
  { name: 'P2', start: '10:00', end: '11:00' },
  { name: 'P3', start: '11:20', end: '12:20' },
  { name: 'P4', start: '13:10', end: '14:10' },
  { name: 'P5', start: '14:10', end: '15:10' },
];
const WEEK_A_MONDAY = '2027-01-04';
const TERMS = [
  { name: 'Spring 1', start: '2027-01-04', end: '2027-02-12' },
  { name: 'Spring 2', start: '2027-02-22', end: '2027-03-26' },
  { name: 'Summer', start: '2027-04-12', end: '2027-07-16' },
];

let server: JourneyServer;

test.beforeAll(async () => {
  server = await startJourneyServer();
});

test.afterAll(async () => {
  await server?.stop();
});

/** A staff member's own tablet: a browser context of its own. */
async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext(IPAD);
  return context.newPage();
}

/** The School calendar screen: bell times, Week A/B and terms; the preview shows today in Week B, open. */
async function setCalendar(page: Page): Promise<void> {
  const calendar = new SchoolCalendarPage(page);
  await calendar.open();
  await calendar.setBellTimes(PERIODS);
  await calendar.setCycle(2, WEEK_A_MONDAY);
  await calendar.clearTerms();
  for (const term of TERMS) await calendar.addTerm(term.name, term.start, term.end);
  await calendar.previewWeekOf('2027-01-13');
  await expect(calendar.previewDay('2027-01-13')).toHaveAttribute('data-week', 'B');
  await expect(calendar.previewDay('2027-01-13')).toHaveAttribute('data-status', 'open');
  // Nothing is booked yet, so the save has nothing to cancel and asks nothing.
  expect((await calendar.save()).asked).toBeNull();
}

/** A coordinator's first morning: password, calendar, an iPad, the students, consent or training, PINs. */
async function setUpSchool(browser: Browser, school: SchoolPlan, setupCode: string, role: 'mentor' | 'mentee') {
  const page = await staffPage(browser);
  const signIn = new StaffSignIn(page, server.url);
  await signIn.open();
  await signIn.useSetupCode(setupCode, school.coordinator.password);
  await signIn.signIn(school.coordinator.email, school.coordinator.password);
  await expect(page.getByTestId('staff-home')).toContainText(school.name);

  await setCalendar(page);

  const devices = new DevicesScreen(page);
  const code = await devices.issueCode(school.ipad.label, school.ipad.room);
  const ipad = await SchoolDevice.enrol(browser, server.url, code);
  await devices.expectEnrolled(school.ipad.label, '1 iPad is set up');

  // The MIS export with two more columns: the periods the student is free (both weeks) and their subjects.
  const s = school.student;
  const csv = [
    'Admission No,Legal Forename,Legal Surname,Year,Reg Group,Free periods,Subjects',
    `${s.admissionNumber},${s.firstName},${s.surname},${s.year},${s.year}A,Wed:P2,${s.subjects.join('; ')}`,
  ].join('\n');
  const importing = new StudentsPage(page);
  expect(await importing.importCsv(csv, { name: `${school.name} students.csv` })).toContain('1 new student');
  const fullName = `${s.firstName} ${s.surname}`;
  await importing.openStudent(fullName);
  expect(await importing.isFree('both', 'Wed', 'P2')).toBe(true);
  expect(await importing.isFree('both', 'Wed', 'P1')).toBe(false);
  await expect(importing.subjects()).toHaveCount(s.subjects.length);

  const students = new StudentsScreen(page);
  const coordinator = school.coordinator.fullName;
  if (role === 'mentee') await students.record(fullName, 'consent', 'form', coordinator, 'on the form');
  else await students.record(fullName, 'training', 'email', coordinator, 'by email');
  await expect(students.row(fullName).getByTestId('student-readiness')).not.toContainText("can't");

  const pins = await students.classPins([fullName]);
  const pin = pins.get(`${s.firstName} ${s.surname[0]}`);
  expect(pin).toMatch(/^\d{4}$/);
  await expect(students.row(fullName)).toContainText('PIN: set');
  return { page, ipad, pin: pin! };
}

test('a new deployment, from an empty database to two students in a call, through the screens alone', async ({ browser }) => {
  test.setTimeout(300_000);

  // 1. The deployment admin: two schools, their partnership, a coordinator for each.
  const admin = await staffPage(browser);
  const adminSignIn = new StaffSignIn(admin, server.url);
  await adminSignIn.open();
  await adminSignIn.useSetupCode(server.adminSetupCode, 'the operations admin password');
  await adminSignIn.signIn(JOURNEY_ADMIN.email, 'the operations admin password');
  const setUp = new DeploymentSetUp(admin);
  await setUp.open();
  for (const school of [mentorSchool, menteeSchool]) await setUp.addSchool(school);
  await setUp.partner(mentorSchool.name, menteeSchool.name, PROGRAMME.start, PROGRAMME.end);
  const codes = new Map<SchoolPlan, string>();
  for (const school of [mentorSchool, menteeSchool]) {
    codes.set(school, await setUp.addStaff(school.name, { fullName: school.coordinator.fullName, email: school.coordinator.email, role: 'coordinator' }));
  }
  await admin.context().close();

  // 2. Each coordinator sets up their school.
  const mentor = await setUpSchool(browser, mentorSchool, codes.get(mentorSchool)!, 'mentor');
  const mentee = await setUpSchool(browser, menteeSchool, codes.get(menteeSchool)!, 'mentee');

  // 3. The mentee school's coordinator accepts the board's suggestion and books it every week.
  const timetable = new TimetableScreen(mentee.page);
  await timetable.open();
  const leo = `${menteeSchool.student.firstName} ${menteeSchool.student.surname}`;
  await timetable.accept(leo, mentorSchool.student.firstName);
  await expect(timetable.candidates().first()).toContainText('Wednesdays at 10:00');
  // Today's 10:00 is still to come: this fails if the journey took longer than its five minutes (journey-server.ts).
  await expect(timetable.candidates().first()).toContainText(/First session Wed 13 Jan/);
  const booked = await timetable.book('Wednesdays at 10:00');
  expect(booked).toMatch(/^Booked by /);
  expect(booked).toContain(
    `: ${mentorSchool.student.firstName} (${mentorSchool.name}) and ${menteeSchool.student.firstName} (${menteeSchool.name}), Wednesdays at 10:00`,
  );

  // 4. Both students, on their own schools' iPads, join the session starting now and see each other.
  const devices = [
    { device: mentor.ipad, pin: mentor.pin, partner: menteeSchool.student.firstName },
    { device: mentee.ipad, pin: mentee.pin, partner: mentorSchool.student.firstName },
  ];
  try {
    for (const { device, pin, partner } of devices) {
      // The iPad's list refreshes itself every 30 s; reloading saves the wait.
      await device.page.reload();
      const card = device.page.getByTestId('session-card').filter({ hasText: partner });
      await expect(card).toHaveAttribute('data-status', 'open');
      const sessionId = (await card.getAttribute('data-session-id'))!;
      await device.openPreJoin(sessionId, pin);
      await device.join();
    }
    for (const { device } of devices) {
      await expect(device.callState()).toHaveAttribute('data-state', 'connected');
      await expect.poll(async () => (await inboundMedia(device.page)).videoFramesDecoded, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(await device.cspViolations()).toEqual([]);
    }
  } finally {
    for (const { device } of devices) await device.close();
    await mentor.page.context().close();
    await mentee.page.context().close();
  }
});
