import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/*
 * The whole network at once: 500 schools in 250 partnerships, 5,000 pairings, each taking
 * its best slot over a full academic year in turn (greedy), so device pools fill up.
 * Measured from a cold start (building every school's timeline is part of the job), each
 * run in a fresh process, interleaved with the frozen pre-optimisation scheduler
 * (bench/baseline-scheduler) so both medians come from the same minutes of a noisy machine.
 * Exits non-zero if either places anything differently from the known result.
 */

const RUNS = Number(process.env.NETWORK_BENCH_RUNS ?? 5);
const WITH_BASELINE = process.env.NETWORK_BENCH_BASELINE !== '0';
/** The fixture's known outcome: any change to where pairings land shows here first. */
const EXPECTED = { scheduled: 4528, unscheduled: 472, sessions: 126836 };

interface Run {
  pairings: number;
  ms: number;
  cpuMs: number;
  scheduled: number;
  unscheduled: number;
  sessions: number;
  digest: string;
}

const runFile = fileURLToPath(new URL('./network-schedule-run.ts', import.meta.url));

function runOnce(which: 'current' | 'baseline'): Run {
  const child = spawnSync(process.execPath, ['--import', 'tsx', runFile, which], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${which} run failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Run;
}

const runs = { current: [] as Run[], baseline: [] as Run[] };
for (let i = 0; i < RUNS; i++) {
  // Alternate which goes first, so neither always gets the quieter moment.
  const order = i % 2 === 0 ? (['current', 'baseline'] as const) : (['baseline', 'current'] as const);
  for (const which of order) if (which === 'current' || WITH_BASELINE) runs[which].push(runOnce(which));
}

const problems: string[] = [];
const digests = new Set([...runs.current, ...runs.baseline].map((r) => r.digest));
if (digests.size > 1) problems.push(`placements differ between runs or from the baseline (digests ${[...digests].join(', ')})`);
for (const run of [...runs.current, ...runs.baseline]) {
  for (const key of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
    if (run[key] !== EXPECTED[key]) problems.push(`${key}=${run[key]}, expected ${EXPECTED[key]}`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function line(name: string, list: Run[], extra = ''): string {
  const ms = list.map((r) => r.ms);
  const { pairings, scheduled, unscheduled, sessions } = list[0]!;
  const cpu = median(list.map((r) => r.cpuMs));
  const figures = `ms=${median(ms).toFixed(3)} runs=${ms.length} min=${Math.min(...ms).toFixed(3)} max=${Math.max(...ms).toFixed(3)} cpu_ms=${cpu.toFixed(3)}`;
  return `${name} pairings=${pairings} ${figures} scheduled=${scheduled} unscheduled=${unscheduled} sessions=${sessions}${extra}\n`;
}

process.stdout.write(line('network-schedule', runs.current));
if (runs.baseline.length > 0) {
  const ratio = (key: 'ms' | 'cpuMs') => (median(runs.baseline.map((r) => r[key])) / median(runs.current.map((r) => r[key]))).toFixed(2);
  process.stdout.write(line('network-schedule-baseline', runs.baseline, ` speedup=${ratio('ms')} cpu_speedup=${ratio('cpuMs')}`));
}
if (problems.length > 0) {
  process.stderr.write(`network-schedule: ${[...new Set(problems)].join('; ')}\n`);
  process.exitCode = 1;
}
