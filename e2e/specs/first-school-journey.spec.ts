import { expect, test } from '@playwright/test';
import { inboundMedia } from '../support/rtc-stats.js';
import { JOURNEY_ADMIN, startJourneyServer, type JourneyServer } from '../support/journey-server.js';
import { TimetableScreen } from '../support/school-setup-pages.js';
import { menteeSchool, mentorSchool, setUpDeployment, setUpSchool } from '../support/school-journey.js';

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

let server: JourneyServer;

test.beforeAll(async () => {
  server = await startJourneyServer();
});

test.afterAll(async () => {
  await server?.stop();
});

test('a new deployment, from an empty database to two students in a call, through the screens alone', async ({ browser }) => {
  test.setTimeout(300_000);

  // 1. The deployment admin: two schools, their partnership, a coordinator for each.
  const codes = await setUpDeployment(browser, server.url, { email: JOURNEY_ADMIN.email, setupCode: server.adminSetupCode, password: 'the operations admin password' });

  // 2. Each coordinator sets up their school.
  const mentor = await setUpSchool(browser, server.url, mentorSchool, codes.get(mentorSchool)!, 'mentor');
  const mentee = await setUpSchool(browser, server.url, menteeSchool, codes.get(menteeSchool)!, 'mentee');

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
