import { makeNetwork, runNetworkSchedule } from './scheduling-fixtures.js';

/*
 * The whole network at once: 500 schools in 250 partnerships, 5,000 pairings, each taking
 * its best slot over a full academic year in turn (greedy), so device pools fill up.
 * Measured from a cold start: building every school's timeline is part of the job.
 */

const network = makeNetwork({ schools: 500, pairings: 5000, seed: 20250901 });
const started = performance.now();
const result = runNetworkSchedule(network);
const ms = performance.now() - started;

if (process.env.BENCH_VERBOSE) process.stderr.write(`${JSON.stringify(result)}\n`);
process.stdout.write(`network-schedule pairings=${network.pairings.length} ms=${ms.toFixed(3)}\n`);
