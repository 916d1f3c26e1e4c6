import { expect, test } from '@playwright/test';
import { NetLab, labSession, openLabDevice, type LabServer } from '../support/netlab/index.js';

/*
 * The pre-join network check on a school network that blocks what WebRTC would like to use:
 * the mentor's iPad is a Chromium in school namespace 0 of the network lab (support/netlab),
 * with the real server, SFU and coturn in the lab's server namespace.
 */

let lab: NetLab;
let server: LabServer;

test.beforeAll(async () => {
  lab = await NetLab.create({ schools: 1 });
  await lab.startTurn();
  server = await lab.startServer();
});

test.afterAll(async () => {
  await lab?.destroy();
});

test.afterEach(async () => {
  await lab.clear(0);
});

async function preJoinCheck(): Promise<{ verdict: string | null; headline: string; detail: string }> {
  const session = labSession(server, 'now');
  const device = await openLabDevice(await lab.launchBrowser(0), server, 'mentor');
  try {
    await device.openPreJoin(session.id);
    const check = device.page.getByTestId('network-check');
    await expect(check).not.toHaveAttribute('data-verdict', 'checking', { timeout: 30_000 });
    return {
      verdict: await check.getAttribute('data-verdict'),
      headline: (await check.locator('.prejoin__network-headline').textContent()) ?? '',
      detail: (await device.page.getByTestId('network-check-detail').textContent()) ?? '',
    };
  } finally {
    await device.close();
  }
}

test('with UDP blocked the pre-join check finds TCP to the media server and TURN, and says the call will be good', async () => {
  await lab.impair(0, { blockUdp: true });
  const result = await preJoinCheck();
  console.log(`prejoin-check udp-blocked detail="${result.detail}"`);
  expect(result.verdict).toBe('good');
  expect(result.headline).toBe('Your connection looks good');
  expect(result.detail).toMatch(/^UDP blocked · TCP ok · TURN ok · upload ≈ [\d.]+ (Mbit|kbit)\/s$/);
  await lab.verify(0, { blockUdp: true });
});

test('with only the web page reachable (media server and TURN blocked) the check says the call is not possible', async () => {
  await lab.impair(0, { onlyTcpTo: [{ ip: lab.appIp, port: lab.appPort }] });
  const result = await preJoinCheck();
  console.log(`prejoin-check web-only detail="${result.detail}"`);
  expect(result.verdict).toBe('not_possible');
  expect(result.headline).toBe("We can't connect from this Wi-Fi: please tell a member of staff");
  expect(result.detail).toBe('UDP and TCP blocked · TURN failed · upload not measured');
});
