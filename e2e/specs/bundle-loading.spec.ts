import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { cspViolations } from '../support/csp.js';
import { DEMO_PIN, SchoolDevice } from '../support/pages.js';
import { demoSession } from '../support/server-info.js';
import { repoRoot } from '../support/start-server.js';

/** The call's chunk (pre-join, call screen, chat), as the build manifest names it. */
function callChunkPath(): string {
  const manifestFile = path.join(repoRoot, 'client', 'dist', '.vite', 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, { file: string }>;
  const chunk = manifest['src/features/call/session-view.tsx'];
  if (!chunk) throw new Error('the client build has no chunk for the call');
  return `/${chunk.file}`;
}

/** Every response the context receives, with its body's size as it came over the wire. */
function recordResponses(context: BrowserContext) {
  const responses: { path: string; bytes: number }[] = [];
  context.on('requestfinished', (request) => {
    void request.sizes().then(
      (sizes) => responses.push({ path: new URL(request.url()).pathname, bytes: sizes.responseBodySize }),
      () => undefined,
    );
  });
  return responses;
}

const kb = (responses: { bytes: number }[]) => (responses.reduce((sum, r) => sum + r.bytes, 0) / 1000).toFixed(1);

/*
 * A school iPad left on its device page downloads the device page and nothing of the call; the
 * call's code starts loading once the PIN screen is up, so it is there by the time the PIN is in.
 * The bytes transferred are printed as a measurement (the budget is bench/client-bundles.bench.ts's).
 */
test('the device page does not load the call; the PIN screen fetches it before the PIN is sent', async ({ browser }) => {
  const session = demoSession('now');
  const callChunk = callChunkPath();
  let responses: { path: string; bytes: number }[] = [];
  const requested: string[] = [];
  const device = await SchoolDevice.open(browser, 'mentee', { width: 1024, height: 768 }, (context) => {
    responses = recordResponses(context);
    context.on('request', (request) => requested.push(new URL(request.url()).pathname));
  });
  try {
    const { page } = device;
    await expect(device.sessionCard(session.id)).toBeVisible();
    // Anything the page would fetch by itself once it is up (a prefetch) has gone out by now.
    await page.waitForLoadState('networkidle');
    expect(requested, 'the device page requested the call chunk').not.toContain(callChunk);
    const assets = responses.filter((r) => r.path === '/' || r.path.startsWith('/assets/'));
    console.log(`client-bundle-browser path=device-sessions kb=${kb(assets)} requests=${assets.length}`);

    await device.sessionCard(session.id).click();
    await expect(page.getByTestId('pin-confirm')).toBeVisible();
    // Fetched while the child confirms who they are and types the PIN: nothing has been sent yet.
    await expect.poll(() => requested.includes(callChunk), { message: 'the PIN screen did not fetch the call chunk' }).toBe(true);
    expect(requested.some((p) => p.includes('/sign-in'))).toBe(false);

    await page.getByTestId('pin-confirm-yes').click();
    await page.getByTestId('pin-input').fill(DEMO_PIN);
    await page.getByTestId('pin-submit').click();
    await expect(page.getByTestId('prejoin')).toBeVisible();
    await page.waitForLoadState('networkidle');
    const all = responses.filter((r) => r.path === '/' || r.path.startsWith('/assets/'));
    console.log(`client-bundle-browser path=prejoin kb=${kb(all)} requests=${all.length}`);
    expect(await cspViolations(page)).toEqual([]);
  } finally {
    await device.close();
  }
});
