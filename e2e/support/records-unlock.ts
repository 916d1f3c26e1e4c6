import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { tmpDir } from './server-info.js';

/*
 * Concern records need the reader's authenticator app. Several specs open
 * records as the same demo DSL on the one shared server, and whichever runs
 * first sets the app up; the others must then answer its code instead. The
 * key and the last 30-second step used are kept per account for this run
 * (global-setup clears `.tmp` with the server), so a later spec can compute a
 * code the server has not seen yet: it refuses a code used once before.
 */
interface Authenticator {
  secret: string;
  lastStep: number;
}

const STEP_SECONDS = 30;

function fileFor(email: string): string {
  return path.join(tmpDir, `authenticator-${email.replace(/[^a-z0-9]+/gi, '_')}.json`);
}

/** Remember an app set up by hand in a spec (with the step its first code was in). */
export function rememberAuthenticator(email: string, secret: string, usedAtSeconds: number): void {
  const saved: Authenticator = { secret, lastStep: Math.floor(usedAtSeconds / STEP_SECONDS) };
  fs.mkdirSync(tmpDir, { recursive: true });
  fs.writeFileSync(fileFor(email), JSON.stringify(saved));
}

function recall(email: string): Authenticator {
  const file = fileFor(email);
  if (!fs.existsSync(file)) {
    throw new Error(`${email} already has an authenticator app, but no spec in this run recorded its key (${file})`);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Authenticator;
}

/**
 * With a locked record on screen, set the account's app up (the first time in
 * a run) or answer its code (after that). `serverNow` is the server's clock in
 * seconds (server-clock.ts). After a set-up the page is on Your account: reopen the record.
 */
export async function unlockRecords(page: Page, email: string, serverNow: () => number): Promise<'enrolled' | 'stepped-up'> {
  const enrolFirst = page.getByTestId('step-up-enrol-first');
  const stepUp = page.getByTestId('step-up-form');
  await expect(enrolFirst.or(stepUp).first()).toBeVisible();

  if (await enrolFirst.isVisible()) {
    // Set-up lives in Your account; the notice links there.
    await page.getByTestId('step-up-enrol-link').click();
    await page.getByTestId('enrolment-start').click();
    const secret = (await page.getByTestId('enrolment-secret').textContent())!.trim();
    const at = serverNow();
    await page.getByTestId('enrolment-code').fill(await generate({ secret, epoch: at }));
    await page.getByTestId('enrolment-confirm').click();
    await expect(page.getByTestId('recovery-codes').locator('li')).toHaveCount(10);
    rememberAuthenticator(email, secret, at);
    return 'enrolled';
  }

  const saved = recall(email);
  // The server accepts the next step one step early; wait out a step already used.
  let step = Math.floor(serverNow() / STEP_SECONDS) + 1;
  if (step <= saved.lastStep) {
    await page.waitForTimeout((saved.lastStep + 1 - step) * STEP_SECONDS * 1000);
    step = Math.floor(serverNow() / STEP_SECONDS) + 1;
  }
  await page.getByTestId('step-up-code').fill(await generate({ secret: saved.secret, epoch: step * STEP_SECONDS }));
  await page.getByTestId('step-up-submit').click();
  await expect(stepUp).toHaveCount(0);
  rememberAuthenticator(email, saved.secret, step * STEP_SECONDS);
  return 'stepped-up';
}
