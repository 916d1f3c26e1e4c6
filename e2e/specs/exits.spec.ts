import { expect, test } from '@playwright/test';
import { DeviceExitQuestionnaire, ExitsPage } from '../support/exits-page.js';
import { SchoolDevice } from '../support/pages.js';
import { serverInfo } from '../support/server-info.js';
import { bookLifecyclePair, keepDemoTimetable } from '../support/series-lifecycle-setup.js';
import { signInDemoStaff } from '../support/staff-pages.js';

/*
 * An exit with the questionnaire, on iPads: Riverside's coordinator ends a pairing (targets met) and
 * asks both students the questionnaire; the mentee taps their name on Riverside's iPad, types their
 * PIN, is refused kindly for a phone number, sends their answers, and is told who at school can still
 * help; the coordinator sees the answers.
 */

test('a coordinator exits a pairing with the questionnaire; the student answers it on the iPad after the PIN', async ({ browser }) => {
  const riversideContext = await browser.newContext({ viewport: { width: 768, height: 1024 } });
  const northgateContext = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  let putBack = async () => {};
  let ipad: SchoolDevice | undefined;
  try {
    const riverside = await riversideContext.newPage();
    const northgate = await northgateContext.newPage();
    await signInDemoStaff(riverside, 'coordinator@riverside.example');
    await signInDemoStaff(northgate, 'coordinator@northgate.example');
    putBack = await keepDemoTimetable(northgate.request, riverside.request);
    const pair = await bookLifecyclePair(northgate.request, riverside.request, { mentor: 'E2E-X1,Omar,Fielding,12', mentee: 'E2E-X2,Tia,Marsh,11' });
    const url = serverInfo().url;
    const pinSet = await riverside.request.put(`${url}/api/staff/students/${pair.menteeId}/pin`, { headers: { origin: url }, data: { pin: '2468' } });
    expect(pinSet.status()).toBe(204);

    const exits = new ExitsPage(riverside);
    await exits.open();
    await expect(exits.pairing(pair.pairingId)).toHaveAttribute('data-state', 'active');
    const message = await exits.exit(pair.pairingId, { reason: 'targets_met', note: 'Both targets met', questionnaire: true });
    expect(message).toContain('Exited Omar (Northgate Academy) and Tia (Riverside High School) (Targets met (planned exit): Both targets met)');
    await expect(exits.pairing(pair.pairingId)).toHaveAttribute('data-state', 'exited');
    // The section fits a portrait iPad: no sideways scrolling.
    expect(await riverside.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Northgate sees the exit too, with Tia by first name, year and school only.
    const partner = new ExitsPage(northgate);
    await partner.open();
    await expect(partner.pairing(pair.pairingId)).toHaveAttribute('data-state', 'exited');
    await expect(partner.pairing(pair.pairingId)).toContainText('Tia (Year 11, Riverside High School)');
    await expect(partner.pairing(pair.pairingId)).not.toContainText('Marsh');

    // Tia, on Riverside's iPad (portrait).
    ipad = await SchoolDevice.open(browser, 'mentee', { width: 768, height: 1024 });
    const device = new DeviceExitQuestionnaire(ipad.page);
    await expect(device.student(pair.menteeId)).toContainText('Tia');
    await device.signIn(pair.menteeId, '2468');
    await expect(device.form()).toContainText('How did mentoring with Omar go?');
    const scaled = { helpful: 5, listened: 4, targets: 4, recommend: 5 };
    await device.answer(scaled, 'Message me on 07700 900123');
    await expect(device.problem()).toContainText('doesn\'t keep phone numbers');
    await device.answer(scaled, 'It helped me with revision.');
    await expect(device.support()).toContainText('Your mentoring with Omar has ended, but support is still here for you.');
    await expect(device.support()).toContainText('Mr Owen Price');
    // No sideways scrolling on the iPad.
    expect(await ipad.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await device.done();

    // The coordinator's list refreshes itself; reopening it fetches at once.
    await exits.page.reload();
    await exits.open();
    const answer = exits.answers(pair.pairingId).filter({ hasText: 'Tia Marsh' });
    await expect(answer).toContainText('It helped me with revision.');
    await expect(answer.getByTestId('exit-answer-helpful')).toHaveText('5 / 5');
  } finally {
    await ipad?.context.close();
    await putBack();
    await riversideContext.close();
    await northgateContext.close();
  }
});
