import { createHash } from 'node:crypto';
import * as baseline from './baseline-scheduler/index.js';
import type { Scheduler } from './scheduling-fixtures.js';
import { liveScheduler, makeNetwork, NETWORK_BENCH, placementOf, runNetworkSchedule } from './scheduling-fixtures.js';

/*
 * One cold run of the whole-network schedule in a fresh process (the zone clock's and the
 * timelines' caches start empty, as after a server start), with the current scheduler or the
 * frozen baseline (`baseline` as the argument). Prints one JSON line for the bench's driver:
 * the time, the counts, and a digest of every placement so two schedulers can be compared.
 */

const baselineScheduler: Scheduler<baseline.BookingIndex> = { newIndex: () => new baseline.BookingIndex(), findSlots: baseline.findSlots };

const network = makeNetwork(NETWORK_BENCH);
const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = process.argv[2] === 'baseline' ? runNetworkSchedule(network, baselineScheduler) : runNetworkSchedule(network, liveScheduler);
const ms = performance.now() - started;
// CPU time too: on a shared machine it moves far less than wall time with what else runs.
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;

const digest = createHash('sha256').update(result.chosen.map(placementOf).join('\n')).digest('hex').slice(0, 16);
const { scheduled, unscheduled, sessions } = result;
process.stdout.write(`${JSON.stringify({ pairings: network.pairings.length, ms, cpuMs, scheduled, unscheduled, sessions, digest })}\n`);
