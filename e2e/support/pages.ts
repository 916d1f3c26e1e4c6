import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { cspViolations, recordCspViolations } from './csp.js';
import { recordPeerConnections } from './rtc-stats.js';
import { deviceToken, serverInfo } from './server-info.js';

/** Every demo student's PIN. */
export const DEMO_PIN = '1234';

/** A school iPad: its own browser context, enrolled with its school's device token. */
export class SchoolDevice {
  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  /**
   * `viewport`: an iPad's screen (1024x768 landscape, 768x1024 portrait) instead of the suite's default.
   * `beforeLoad`: given the context before the page first loads (to watch its requests from the start).
   */
  static open(
    browser: Browser,
    role: 'mentor' | 'mentee',
    viewport?: { width: number; height: number },
    beforeLoad?: (context: BrowserContext) => void,
  ): Promise<SchoolDevice> {
    return SchoolDevice.openAt(browser, serverInfo().url, deviceToken(role), viewport, beforeLoad);
  }

  /** The same, on another server (a network lab's, see support/netlab): its address and the school's device token there. */
  static async openAt(
    browser: Browser,
    baseUrl: string,
    token: string,
    viewport?: { width: number; height: number },
    beforeLoad?: (context: BrowserContext) => void,
  ): Promise<SchoolDevice> {
    const context = await browser.newContext(viewport ? { viewport } : {});
    await recordPeerConnections(context);
    await recordCspViolations(context);
    beforeLoad?.(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/?device=${token}`);
    await expect(page.getByTestId('device-page')).toBeVisible();
    return new SchoolDevice(context, page);
  }

  /**
   * An iPad that is not set up yet: its own browser context, on which someone types the
   * enrolment code the coordinator was shown; it becomes that school's iPad.
   */
  static async enrol(browser: Browser, baseUrl: string, code: string): Promise<SchoolDevice> {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    await recordPeerConnections(context);
    await recordCspViolations(context);
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('device-code-input').fill(code);
    await page.getByTestId('device-code-submit').click();
    await expect(page.getByTestId('device-page')).toBeVisible();
    return new SchoolDevice(context, page);
  }

  sessionCard(sessionId: string) {
    return this.page.locator(`[data-testid="session-card"][data-session-id="${sessionId}"]`);
  }

  /** Taps the session, answers "Are you …?" with yes, and types the student's PIN. */
  async signIn(sessionId: string, pin = DEMO_PIN): Promise<void> {
    await this.sessionCard(sessionId).click();
    await this.page.getByTestId('pin-confirm-yes').click();
    await expect(this.page.getByTestId('pin-entry')).toBeVisible();
    await this.page.getByTestId('pin-input').fill(pin);
    await this.page.getByTestId('pin-submit').click();
  }

  async openPreJoin(sessionId: string, pin = DEMO_PIN): Promise<void> {
    await this.signIn(sessionId, pin);
    await expect(this.page.getByTestId('prejoin')).toBeVisible();
    await expect(this.page.getByTestId('join-button')).toBeEnabled();
  }

  /** Taps Join and waits until the call screen is showing. */
  async join(): Promise<void> {
    await this.page.getByTestId('join-button').click();
    await expect(this.page.getByTestId('call')).toBeVisible();
  }

  callState() {
    return this.page.getByTestId('call');
  }

  async leave(): Promise<void> {
    await this.page.getByTestId('leave-button').click();
    await this.page.getByTestId('leave-confirm').click();
    await expect(this.page.getByTestId('device-page')).toBeVisible();
  }

  /** Milliseconds from the tap on Join to the first decoded remote frame, from the app's performance marks. */
  joinToFirstFrameMs(): Promise<number | null> {
    return this.page.evaluate(() => {
      const tapped = performance.getEntriesByName('peerbridge:join-tapped').at(-1);
      const frame = performance.getEntriesByName('peerbridge:first-remote-frame').at(-1);
      return tapped && frame && frame.startTime >= tapped.startTime ? frame.startTime - tapped.startTime : null;
    });
  }

  /**
   * Milliseconds from the tap on Join to each step of the join the app marks (client/src/features/call/latency-marks.ts:
   * `peerbridge:join-acked`, `peerbridge:consumed-video`, …), by step name without the prefix.
   */
  joinStagesMs(): Promise<Record<string, number>> {
    return this.page.evaluate(() => {
      const tapped = performance.getEntriesByName('peerbridge:join-tapped').at(-1);
      if (!tapped) return {};
      const stages: Record<string, number> = {};
      for (const mark of performance.getEntriesByType('mark')) {
        if (mark.name.startsWith('peerbridge:') && mark.name !== 'peerbridge:join-tapped' && mark.startTime >= tapped.startTime) {
          stages[mark.name.slice('peerbridge:'.length)] ??= mark.startTime - tapped.startTime;
        }
      }
      return stages;
    });
  }

  /** Content-Security-Policy violations on this iPad's page so far (see csp.ts). */
  cspViolations(): Promise<string[]> {
    return cspViolations(this.page);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** The mentor joins the session first, then the mentee: each waits until its call screen shows. */
export async function joinBoth(sessionId: string, mentor: SchoolDevice, mentee: SchoolDevice): Promise<void> {
  await mentor.openPreJoin(sessionId);
  await mentor.join();
  await mentee.openPreJoin(sessionId);
  await mentee.join();
}
