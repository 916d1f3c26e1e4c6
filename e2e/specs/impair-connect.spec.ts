import { expect, test } from '@playwright/test';
import type { SchoolDevice } from '../support/pages.js';
import { candidatePairReport, inboundMedia, selectedCandidatePairs, type SelectedPair } from '../support/rtc-stats.js';
import { LAB_ROLES, MEDIA_RTC_PORT, NetLab, openLabDevice, labSession, TURN_TLS_PORT, type LabServer } from '../support/netlab/index.js';

/*
 * Calls on school networks that block what WebRTC would like to use. Each school's iPad is a
 * Chromium inside its own network namespace; the real server and SFU (and, for the TURN case,
 * coturn) run in the lab's server namespace (see support/netlab). Each case has its own lab.
 */

let lab: NetLab;
let server: LabServer;

/** A lab of two schools with the demo data; with coturn offered to the browsers when `turn`. */
function useLab(options: { turn: boolean }) {
  test.beforeAll(async () => {
    lab = await NetLab.create({ schools: 2 });
    if (options.turn) await lab.startTurn();
    server = await lab.startServer();
  });
  test.afterAll(async () => {
    await lab?.destroy();
  });
  test.afterEach(async () => {
    for (const i of [0, 1]) await lab.clear(i);
  });
}

/** Both iPads tap Join together; answers each one's milliseconds from the tap to its first decoded remote frame. */
async function bothJoin(): Promise<{ devices: SchoolDevice[]; connectMs: number }> {
  const session = labSession(server, 'now');
  const devices = await Promise.all(LAB_ROLES.map(async (role, i) => openLabDevice(await lab.launchBrowser(i), server, role)));
  for (const device of devices) await device.openPreJoin(session.id);
  await Promise.all(devices.map((device) => device.join()));
  for (const device of devices) await expect(device.callState()).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
  const times: number[] = [];
  for (const device of devices) {
    try {
      await expect.poll(() => device.joinToFirstFrameMs(), { timeout: 30_000 }).not.toBeNull();
    } catch {
      const reports = await Promise.all(devices.map((d) => candidatePairReport(d.page)));
      throw new Error(`no remote frame decoded within 30 s of Join; ICE pairs:\n${reports.join('\n--- other iPad\n')}`);
    }
    times.push((await device.joinToFirstFrameMs())!);
  }
  return { devices, connectMs: Math.round(Math.max(...times)) };
}

/** Real media both ways: decoded frames and received, non-silent audio, growing. */
async function expectMediaFlowing(devices: SchoolDevice[]) {
  for (const device of devices) {
    const before = await inboundMedia(device.page);
    await expect.poll(async () => (await inboundMedia(device.page)).videoFramesDecoded, { timeout: 20_000 }).toBeGreaterThan(before.videoFramesDecoded + 10);
    await expect.poll(async () => (await inboundMedia(device.page)).audioPacketsReceived, { timeout: 20_000 }).toBeGreaterThan(before.audioPacketsReceived + 20);
    await expect.poll(async () => (await inboundMedia(device.page)).audioEnergy, { timeout: 20_000 }).toBeGreaterThan(0);
  }
}

async function leaveAll(devices: SchoolDevice[]) {
  for (const device of devices) await device.leave();
  for (const device of devices) {
    const browser = device.context.browser();
    await device.close();
    await browser?.close(); // each test launches its own; two idle Chromiums would only take CPU from the next
  }
}

/**
 * Waits until every live transport of the device (send and receive) has selected a pair that
 * `expected` describes. ICE may use another pair first (a relay can answer before the direct
 * TCP path does) and then moves to the better one, so this polls; on failure it shows every pair.
 */
async function expectSelectedPairs(device: SchoolDevice, expected: Partial<SelectedPair>) {
  const matches = (pair: SelectedPair) => Object.entries(expected).every(([key, value]) => pair[key as keyof SelectedPair] === value);
  try {
    await expect
      .poll(async () => {
        const pairs = await selectedCandidatePairs(device.page);
        return pairs.length >= 2 && pairs.every(matches);
      }, { timeout: 20_000 })
      .toBe(true);
  } catch {
    throw new Error(`the selected ICE pairs are not ${JSON.stringify(expected)}:\n${JSON.stringify(await selectedCandidatePairs(device.page), null, 1)}\nall pairs:\n${await candidatePairReport(device.page)}`);
  }
}

test.describe('without TURN', () => {
  // No TURN offered, so the path under test is the SFU's own TCP candidate. (With coturn also
  // offered, Chromium sometimes settles one of the two transports on TURN over TCP 3478 instead.)
  useLab({ turn: false });

  test('with UDP blocked at both schools the call connects over TCP straight to the SFU', async () => {
    await lab.impair(0, { blockUdp: true });
    await lab.impair(1, { blockUdp: true });
    const { devices, connectMs } = await bothJoin();
    await expectMediaFlowing(devices);
    for (const device of devices) {
      // TCP from the iPad to the SFU's own TCP candidate: no relay in between.
      await expectSelectedPairs(device, { state: 'succeeded', localProtocol: 'tcp', remoteType: 'host', remoteProtocol: 'tcp', remoteAddress: lab.appIp, remotePort: MEDIA_RTC_PORT });
      for (const pair of await selectedCandidatePairs(device.page)) expect(pair.localType).not.toBe('relay');
    }
    await expectMediaFlowing(devices);
    // The impairment held for the whole call.
    await lab.verify(0, { blockUdp: true });
    await lab.verify(1, { blockUdp: true });
    console.log(`impair udp-blocked connect_ms=${connectMs}`);
    await leaveAll(devices);
  });
});

test.describe('with TURN', () => {
  useLab({ turn: true });

  test('with only TCP 443 to TURN (and the app) allowed the call connects through TURN over TLS', async () => {
    const allowed = [
      { ip: lab.appIp, port: lab.appPort },
      { ip: lab.turnIp, port: TURN_TLS_PORT },
    ];
    await lab.impair(0, { onlyTcpTo: allowed });
    await lab.impair(1, { onlyTcpTo: allowed });
    const { devices, connectMs } = await bothJoin();
    await expectMediaFlowing(devices);
    for (const device of devices) {
      // A relay candidate reached over TLS (443 is the only way out), relaying to the SFU's UDP candidate.
      await expectSelectedPairs(device, { state: 'succeeded', localType: 'relay', relayProtocol: 'tls', remoteAddress: lab.appIp, remotePort: MEDIA_RTC_PORT });
    }
    await lab.verify(0, { onlyTcpTo: allowed });
    await lab.verify(1, { onlyTcpTo: allowed });
    console.log(`impair turn-only connect_ms=${connectMs}`);
    await leaveAll(devices);
  });
});
