import { expect, test } from '@playwright/test';
import { SchoolDevice } from '../support/pages.js';
import { demoSession } from '../support/server-info.js';

const JOINS = Number(process.env.JOIN_LATENCY_RUNS ?? 10);

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/** Every step's p50 in the order the steps usually come, e.g. `join-acked=90 … first-remote-frame=380`. */
function stagesLine(joins: Array<Record<string, number>>): string {
  const names = [...new Set(joins.flatMap((stages) => Object.keys(stages)))];
  const p50 = (name: string) => {
    const values = joins.map((stages) => stages[name]).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    return Math.round(percentile(values, 50));
  };
  return names
    .map((name) => [name, p50(name)] as const)
    .sort((a, b) => a[1] - b[1])
    .map(([name, ms]) => `${name}=${ms}`)
    .join(' ');
}

/**
 * A measurement, not a timed assertion: the mentee waits in the call while the
 * mentor joins and leaves repeatedly; each join is timed from the tap on Join
 * to the first decoded frame of the partner's video.
 */
test(`join-to-first-frame over ${JOINS} joins`, async ({ browser }) => {
  test.setTimeout(60_000 + JOINS * 20_000);
  const session = demoSession('now');
  const mentee = await SchoolDevice.open(browser, 'mentee');
  const mentor = await SchoolDevice.open(browser, 'mentor');
  try {
    await mentee.openPreJoin(session.id);
    await mentee.join();
    const samples: number[] = [];
    const stages: Array<Record<string, number>> = [];
    for (let i = 0; i < JOINS; i++) {
      await mentor.openPreJoin(session.id);
      await mentor.join();
      await expect.poll(() => mentor.joinToFirstFrameMs(), { timeout: 15_000 }).not.toBeNull();
      samples.push((await mentor.joinToFirstFrameMs())!);
      // Our own video is accepted a little after the partner's first frame: wait for it before leaving.
      await expect.poll(async () => (await mentor.joinStagesMs())['produced-video'], { timeout: 15_000 }).toBeDefined();
      stages.push(await mentor.joinStagesMs());
      await mentor.leave();
      await expect(mentee.callState()).toHaveAttribute('data-state', 'partner-left');
    }
    const sorted = [...samples].sort((a, b) => a - b);
    const line = `join-to-first-frame p50=${Math.round(percentile(sorted, 50))} p95=${Math.round(percentile(sorted, 95))} n=${samples.length}`;
    console.log(line);
    // Where the time went, step by step (see latency-marks.ts), so a slow figure can be explained.
    console.log(`join-stages p50 ${stagesLine(stages)} n=${stages.length}`);
    test.info().annotations.push({ type: 'measurement', description: line });
    expect(samples).toHaveLength(JOINS);
  } finally {
    await mentor.close();
    await mentee.close();
  }
});
