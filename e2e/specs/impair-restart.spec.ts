import { expect, test, type Browser } from '@playwright/test';
import { SchoolDevice } from '../support/pages.js';
import { RestartableServer } from '../support/restartable-server.js';
import { inboundMedia } from '../support/rtc-stats.js';
import { readSessionLog, type LogEntry } from '../support/session-log.js';

/*
 * Server restart without retyping (issue 11 item 7): two iPads in a call on the spec's own server;
 * the server is killed (SIGKILL, a crash) or stopped (SIGTERM, a deploy) and started again on the
 * same port and data. Both iPads come back by themselves with the join tokens they hold (no PIN),
 * the browsers decode video again (getStats), and the log tells the gap truthfully.
 */

test.describe.configure({ mode: 'serial' });

async function inCall(browser: Browser, server: RestartableServer) {
  const session = server.session('now');
  const devices = [] as SchoolDevice[];
  for (const role of ['mentor', 'mentee'] as const) {
    const device = await SchoolDevice.openAt(browser, server.url, server.deviceToken(role));
    devices.push(device);
    await device.openPreJoin(session.id);
    await device.join();
  }
  for (const device of devices) {
    await expect(device.callState()).toHaveAttribute('data-state', 'connected');
    await expect.poll(async () => (await inboundMedia(device.page)).videoFramesDecoded, { timeout: 20_000 }).toBeGreaterThan(0);
  }
  return { session, devices };
}

/** Both iPads rebuilt their media (a rejoin) and decode the partner's video again; ms since `since`. */
async function bothReceivingAgain(devices: SchoolDevice[], since: number): Promise<number> {
  const deadline = since + 60_000;
  const back = new Set<number>();
  while (performance.now() < deadline) {
    for (const [i, device] of devices.entries()) {
      if (back.has(i)) continue;
      const rejoins = Number(await device.callState().getAttribute('data-rejoins'));
      // After the rejoin the old peer connections are closed, so these are the new ones' frames.
      if (rejoins >= 1 && (await inboundMedia(device.page)).videoFramesDecoded > 0) back.add(i);
    }
    if (back.size === devices.length) return performance.now() - since;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`only ${back.size} of ${devices.length} iPads were receiving video again within 60 s`);
}

/** Each student's presence entries, in log order. */
function presenceOf(entries: LogEntry[], studentId: string): string[] {
  return entries
    .filter((e) => e.actor === studentId && /^(Session(Joined|Left|Reconnected)|Participant)/.test(e.type))
    .map((e) => (e.detail.reason ? `${e.type}:${String(e.detail.reason)}` : e.type));
}

for (const crash of [true, false]) {
  const signal = crash ? 'SIGKILL' : 'SIGTERM';
  test(`after ${signal} both iPads come back by themselves, without a PIN, and the log shows the gap`, async ({ browser }) => {
    test.setTimeout(180_000);
    const server = await RestartableServer.create(`restart-${signal.toLowerCase()}`);
    let devices: SchoolDevice[] = [];
    try {
      await server.start();
      const call = await inCall(browser, server);
      devices = call.devices;
      const { session } = call;

      const stoppedAt = performance.now();
      await server.signal(signal);
      for (const device of devices) await expect(device.callState()).toHaveAttribute('data-state', 'reconnecting');
      const downMs = performance.now() - stoppedAt;
      const startupMs = await server.start();
      const recoverMs = await bothReceivingAgain(devices, stoppedAt);
      // The whole figure (kill -> both decoding video again), and its parts: the process going and
      // starting again (server), and the iPads from the server answering to video (client).
      const clientMs = recoverMs - downMs - startupMs;
      console.log(
        `impair ${crash ? 'crash' : 'sigterm'} recover_ms=${Math.round(recoverMs)} stop_ms=${Math.round(downMs)} server_start_ms=${Math.round(startupMs)} client_ms=${Math.round(clientMs)}`,
      );

      for (const device of devices) {
        await expect(device.callState()).toHaveAttribute('data-state', 'connected');
        // Back without the PIN: never sent to sign-in, never shown the end screen.
        await expect(device.page.getByTestId('pin-entry')).toHaveCount(0);
        await expect(device.callState()).toHaveAttribute('data-rejoins', '1');
        // Still flowing: more frames a moment later.
        const before = (await inboundMedia(device.page)).videoFramesDecoded;
        await expect.poll(async () => (await inboundMedia(device.page)).videoFramesDecoded).toBeGreaterThan(before);
      }

      const log = await readSessionLog(server.url, session.id);
      for (const student of [session.mentor, session.mentee]) {
        // The stop is on the record for each student before their return, which is a reconnection.
        expect(presenceOf(log, student.id), student.firstName).toEqual([
          'SessionJoined',
          crash ? 'ParticipantDropped:server_stopped' : 'SessionLeft:server_shutdown',
          'SessionReconnected',
        ]);
      }
      for (const device of devices) expect(await device.cspViolations()).toEqual([]);
    } finally {
      for (const device of devices) await device.close();
      await server.dispose();
    }
  });
}
