import { expect, test } from '@playwright/test';
import { SchoolDevice } from '../support/pages.js';
import { readSessionLog } from '../support/session-log.js';
import { demoSession, serverInfo } from '../support/server-info.js';
import { CallTargetsPanel, myTargets } from '../support/targets-page.js';

test('in the call the mentor reviews a target and marks progress, the mentee sees it live, and it is in the session log', async ({ browser }) => {
  const session = demoSession('now');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  // Each run adds its own target due today, so the spec holds on a server it has run against before.
  const what = `Practise one past paper (${Math.random().toString(36).slice(2, 7)})`;
  try {
    // After the PIN, each sees their targets beside pre-join (the mentor: their mentee's, by first name).
    await mentor.openPreJoin(session.id);
    await expect(myTargets(mentor.page)).toContainText(session.mentee.firstName);
    await mentor.join();
    await mentee.openPreJoin(session.id);
    await expect(myTargets(mentee.page)).toContainText('Your targets');
    await mentee.join();
    await expect(mentee.callState()).toHaveAttribute('data-state', 'connected');

    const mentorTargets = new CallTargetsPanel(mentor.page);
    const menteeTargets = new CallTargetsPanel(mentee.page);
    await mentorTargets.open();
    await menteeTargets.open();
    // The demo's seeded target is due today, for both of them.
    await expect(menteeTargets.dueTargets().first()).toBeVisible();
    await expect(menteeTargets.panel().getByTestId('review-target')).toHaveCount(0);

    await mentorTargets.add({ what, why: 'Timing in the exam', measure: 'Finished inside the time', dueToday: true });
    await expect(menteeTargets.target(what)).toHaveAttribute('data-due', 'true');

    await mentorTargets.review(what, { status: 'on_track', progress: 'Half a paper done in time', nextStep: 'A whole paper by next week' });
    await expect(menteeTargets.target(what)).toHaveAttribute('data-status', 'on_track');
    await expect(menteeTargets.target(what).getByTestId('call-target-next-step')).toContainText('A whole paper by next week');
    await expect(menteeTargets.target(what).getByTestId('call-target-reviewed')).toBeVisible();

    const log = await readSessionLog(serverInfo().url, session.id);
    expect(log.find((e) => e.type === 'TargetSet' && e.detail.what === what)).toBeDefined();
    expect(log.find((e) => e.type === 'TargetReviewed' && e.detail.what === what)?.detail).toMatchObject({
      status: 'on_track',
      progress: 'Half a paper done in time',
      nextStep: 'A whole paper by next week',
    });
    expect(await mentor.cspViolations()).toEqual([]);
    expect(await mentee.cspViolations()).toEqual([]);
  } finally {
    await mentor.close();
    await mentee.close();
  }
});
