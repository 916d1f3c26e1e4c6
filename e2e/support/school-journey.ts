import { expect, type Browser, type Page } from '@playwright/test';
import { SchoolDevice } from './pages.js';
import { SchoolCalendarPage } from './school-calendar-page.js';
import { StudentsPage } from './students-page.js';
import { DevicesScreen, StudentsScreen } from './school-setup-pages.js';
import { DeploymentSetUp, StaffSignIn } from './staff-pages.js';

/*
 * A school set up from nothing through the screens, as a coordinator does on their first
 * morning: shared by the specs that start from an empty database (first-school-journey,
 * programme-journey). Both schools' calendar puts Wednesday 13 January 2027 in Week B, open.
 */

export const IPAD = { viewport: { width: 1024, height: 768 } };
export const PROGRAMME = { start: '2027-01-04', end: '2027-07-16' };

export interface SchoolPlan {
  name: string;
  urn: string;
  contactEmail: string;
  coordinator: { fullName: string; email: string; password: string };
  ipad: { label: string; room: string };
  student: { admissionNumber: string; firstName: string; surname: string; year: number; subjects: string[] };
}

export const mentorSchool: SchoolPlan = {
  name: 'Hillcrest Sixth Form',
  urn: '318001',
  contactEmail: 'office@hillcrest.example',
  coordinator: { fullName: 'Priya Shah', email: 'priya.shah@hillcrest.example', password: 'hillcrest coordinator password' },
  ipad: { label: 'Library iPad', room: 'Library' },
  student: { admissionNumber: 'H1201', firstName: 'Amira', surname: 'Khan', year: 12, subjects: ['maths', 'physics'] },
};

export const menteeSchool: SchoolPlan = {
  name: 'Meadow Park School',
  urn: '318002',
  contactEmail: 'office@meadowpark.example',
  coordinator: { fullName: 'Tom Reed', email: 'tom.reed@meadowpark.example', password: 'meadow park coordinator password' },
  ipad: { label: 'Maths iPad', room: 'Room 12' },
  student: { admissionNumber: 'M0917', firstName: 'Leo', surname: 'Baker', year: 11, subjects: ['maths'] },
};

/** Both schools' year: five one-hour periods a day, Week A/B from 4 January, the spring and summer terms. */
export const PERIODS = [
  { name: 'P1', start: '09:00', end: '10:00' },
  { name: 'P2', start: '10:00', end: '11:00' },
  { name: 'P3', start: '11:20', end: '12:20' },
  { name: 'P4', start: '13:10', end: '14:10' },
  { name: 'P5', start: '14:10', end: '15:10' },
];
export const WEEK_A_MONDAY = '2027-01-04';
export const TERMS = [
  { name: 'Spring 1', start: '2027-01-04', end: '2027-02-12' },
  { name: 'Spring 2', start: '2027-02-22', end: '2027-03-26' },
  { name: 'Summer', start: '2027-04-12', end: '2027-07-16' },
];

/** A staff member's own tablet: a browser context of its own. */
export async function staffPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext(IPAD);
  return context.newPage();
}

/** The School calendar screen: bell times, Week A/B and terms; the preview shows today in Week B, open. */
export async function setCalendar(page: Page): Promise<void> {
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

/**
 * A coordinator's first morning: password, calendar, an iPad, the students, consent or training, PINs.
 * `consent: 'later'` leaves a mentee's parental consent to be recorded another way (a referral).
 */
export async function setUpSchool(
  browser: Browser,
  serverUrl: string,
  school: SchoolPlan,
  setupCode: string,
  role: 'mentor' | 'mentee',
  options: { consent?: 'now' | 'later' } = {},
) {
  const page = await staffPage(browser);
  const signIn = new StaffSignIn(page, serverUrl);
  await signIn.open();
  await signIn.useSetupCode(setupCode, school.coordinator.password);
  await signIn.signIn(school.coordinator.email, school.coordinator.password);
  await expect(page.getByTestId('staff-home')).toContainText(school.name);

  await setCalendar(page);

  const devices = new DevicesScreen(page);
  const code = await devices.issueCode(school.ipad.label, school.ipad.room);
  const ipad = await SchoolDevice.enrol(browser, serverUrl, code);
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
  if (role === 'mentor') await students.record(fullName, 'training', 'email', coordinator, 'by email');
  else if (options.consent !== 'later') await students.record(fullName, 'consent', 'form', coordinator, 'on the form');
  if (role === 'mentor' || options.consent !== 'later') {
    await expect(students.row(fullName).getByTestId('student-readiness')).not.toContainText("can't");
  }

  const pins = await students.classPins([fullName]);
  const pin = pins.get(`${s.firstName} ${s.surname[0]}`);
  expect(pin).toMatch(/^\d{4}$/);
  await expect(students.row(fullName)).toContainText('PIN: set');
  return { page, ipad, pin: pin! };
}

/**
 * The deployment admin's first morning: sign in with the set-up code, add both schools, partner them for
 * the programme and add a coordinator for each; answers each coordinator's set-up code.
 */
export async function setUpDeployment(
  browser: Browser,
  serverUrl: string,
  admin: { email: string; setupCode: string; password: string },
): Promise<Map<SchoolPlan, string>> {
  const page = await staffPage(browser);
  const adminSignIn = new StaffSignIn(page, serverUrl);
  await adminSignIn.open();
  await adminSignIn.useSetupCode(admin.setupCode, admin.password);
  await adminSignIn.signIn(admin.email, admin.password);
  const setUp = new DeploymentSetUp(page);
  await setUp.open();
  for (const school of [mentorSchool, menteeSchool]) await setUp.addSchool(school);
  await setUp.partner(mentorSchool.name, menteeSchool.name, PROGRAMME.start, PROGRAMME.end);
  const codes = new Map<SchoolPlan, string>();
  for (const school of [mentorSchool, menteeSchool]) {
    codes.set(school, await setUp.addStaff(school.name, { fullName: school.coordinator.fullName, email: school.coordinator.email, role: 'coordinator' }));
  }
  await page.context().close();
  return codes;
}
