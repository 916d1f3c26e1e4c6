import { expect, request as playwrightRequest, test } from '@playwright/test';
import { SchoolDevice } from '../support/pages.js';
import { demoSession, serverInfo } from '../support/server-info.js';
import { DEMO_STAFF_PASSWORD } from '../support/staff-pages.js';

interface LogEntry {
  type: string;
  actor: string | null;
  detail: Record<string, unknown>;
}

/** The session's log as its mentor's school's safeguarding lead reads it (the staff API, signed in). */
async function sessionLog(sessionId: string): Promise<LogEntry[]> {
  const { url } = serverInfo();
  const api = await playwrightRequest.newContext({ baseURL: url, extraHTTPHeaders: { origin: url } });
  try {
    const login = await api.post('/api/staff/login', { data: { email: 'dsl@northgate.example', password: DEMO_STAFF_PASSWORD } });
    expect(login.ok()).toBe(true);
    const res = await api.get(`/api/staff/sessions/${sessionId}/log`);
    expect(res.ok()).toBe(true);
    return ((await res.json()) as { entries: LogEntry[] }).entries;
  } finally {
    await api.dispose();
  }
}

test("the pre-join screen checks the network on loopback, says it looks good, and the join's log entry carries the check", async ({ browser }) => {
  const session = demoSession('now');
  // The mentee's iPad: the join-latency spec's many pre-join visits are the mentor's (each visit runs a check, a few a minute).
  const mentee = await SchoolDevice.open(browser, 'mentee');
  try {
    await mentee.openPreJoin(session.id);
    const check = mentee.page.getByTestId('network-check');
    await expect(check).toHaveAttribute('data-verdict', 'good', { timeout: 20_000 });
    await expect(check).toContainText('Your connection looks good');
    const detail = (await mentee.page.getByTestId('network-check-detail').textContent()) ?? '';
    // Loopback: the probe connects over UDP and the burst arrives (the e2e server offers no TURN).
    expect(detail).toMatch(/^UDP ok · TURN not configured · upload ≈ [\d.]+ (Mbit|kbit)\/s$/);
    console.log(`prejoin-check loopback detail="${detail}"`);

    await mentee.join();
    await expect(mentee.callState()).toHaveAttribute('data-state', 'waiting');
    // A join after an earlier drop is logged as a reconnection; either carries the check.
    const joined = (await sessionLog(session.id))
      .filter((e) => (e.type === 'SessionJoined' || e.type === 'SessionReconnected') && e.actor === session.mentee.id)
      .at(-1);
    expect(joined?.detail.networkCheck).toMatchObject({ direct: 'udp', turn: 'not_configured', uploadKbps: expect.any(Number) });
    expect((joined?.detail.networkCheck as { uploadKbps: number }).uploadKbps).toBeGreaterThan(600);
    await mentee.leave();
  } finally {
    await mentee.close();
  }
});
