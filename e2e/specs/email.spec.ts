import { expect, test } from '@playwright/test';
import { MailCatcher } from '../support/mail-catcher.js';
import { RestartableServer } from '../support/restartable-server.js';
import { StaffAccountsPage } from '../support/staff-accounts-page.js';
import { DEMO_STAFF_PASSWORD, StaffSignIn } from '../support/staff-pages.js';

/*
 * Notification email through a real SMTP server (issue 13 item 7): the spec's own Peerbridge
 * server sends to an SMTP server in this process. A coordinator adds a colleague on the staff
 * accounts screen; the set-up email arrives with the code the screen showed and a link into
 * Peerbridge, and the colleague uses the emailed code to choose a password and sign in.
 */

let mail: MailCatcher;
let server: RestartableServer;

test.beforeAll(async () => {
  mail = await MailCatcher.start();
  server = await RestartableServer.create('email', { smtpUrl: mail.url });
  await server.start();
});

test.afterAll(async () => {
  await server?.dispose();
  await mail?.close();
});

test('a new member of staff gets their set-up code by email and signs in with it', async ({ page }) => {
  test.setTimeout(90_000);
  const accounts = await StaffAccountsPage.signIn(page, 'coordinator@northgate.example', DEMO_STAFF_PASSWORD, server.url);
  await accounts.invite('Erin Example', 'erin.example@northgate.example', ['coordinator']);
  const shown = (await accounts.shownCode().innerText()).trim();

  const message = await mail.waitFor((m) => m.to.includes('erin.example@northgate.example'), 30_000);
  expect(message.subject).toBe('Peerbridge: your set-up code');
  expect(message.text).toContain(shown);
  const link = /(http:\/\/127\.0\.0\.1:\d+\/staff)\b/.exec(message.text)?.[1];
  expect(link).toBe(`${server.url}/staff`);

  const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(message.text)?.[1];
  expect(code).toBe(shown);
  await page.context().clearCookies();
  const signIn = new StaffSignIn(page, server.url);
  await signIn.open();
  await signIn.useSetupCode(code!, 'emailed code pass phrase');
  await signIn.signIn('erin.example@northgate.example', 'emailed code pass phrase');
});
