import { describe, expect, it } from 'vitest';
import * as baseline from './baseline-scheduler/index.js';
import type { NetworkFixture, Scheduler } from './scheduling-fixtures.js';
import { liveScheduler, makeNetwork, placementOf, runNetworkSchedule } from './scheduling-fixtures.js';

/*
 * The optimised scheduler against the frozen one it replaced (bench/baseline-scheduler), on
 * networks small enough for a unit test: every pairing must land in the same slot with the
 * same sessions and lost dates, and the full ranked candidate lists must agree while the
 * device pools fill up. One network is all London; the other mixes zones whose clocks change
 * on different dates (and one that is a day ahead), where local dates and instants part.
 */

const baselineScheduler: Scheduler<baseline.BookingIndex> = { newIndex: () => new baseline.BookingIndex(), findSlots: baseline.findSlots };

function compareNetwork(network: NetworkFixture) {
  const live = runNetworkSchedule(network, liveScheduler).chosen.map(placementOf);
  const frozen = runNetworkSchedule(network, baselineScheduler).chosen.map(placementOf);
  expect(live.length).toBe(network.pairings.length);
  live.forEach((placement, i) => expect(placement, `pairing ${i}`).toBe(frozen[i]));
  return live;
}

// Whole networks twice over: generous on a shared machine.
describe('network schedule matches the pre-optimisation scheduler', { timeout: 60_000 }, () => {
  it('places every pairing of an all-London network identically', () => {
    const placements = compareNetwork(makeNetwork({ schools: 30, pairings: 400, seed: 7 }));
    // The network is tight enough that some pairings find nothing left: both outcomes are covered.
    expect(placements.filter((p) => p === 'unscheduled').length).toBeGreaterThan(0);
    expect(placements.filter((p) => p !== 'unscheduled').length).toBeGreaterThan(200);
  });

  it('places every pairing identically across time zones', () => {
    const timeZones = ['Europe/London', 'America/New_York', 'Europe/Paris', 'Australia/Sydney'];
    compareNetwork(makeNetwork({ schools: 24, pairings: 300, seed: 11, timeZones }));
  });

  it('ranks every candidate identically while bookings accumulate', () => {
    const network = makeNetwork({ schools: 20, pairings: 200, seed: 3, timeZones: ['Europe/London', 'Europe/Dublin', 'America/New_York'] });
    const liveIndex = liveScheduler.newIndex();
    const frozenIndex = baselineScheduler.newIndex();
    let compared = 0;
    for (const pairing of network.pairings) {
      const search = { ...pairing, programme: network.programme };
      const live = liveScheduler.findSlots({ ...search, bookings: liveIndex, limit: Infinity });
      const frozen = baseline.findSlots({ ...search, bookings: frozenIndex });
      expect(live.map(placementOf)).toEqual(frozen.map(placementOf));
      compared += live.length;
      const [best] = live;
      if (!best) continue;
      // Both indexes take the same sessions, so the next pairing sees the same bookings.
      for (const index of [liveIndex, frozenIndex]) {
        for (const s of best.sessions) {
          index.add({ schoolId: pairing.mentor.schoolId, studentIds: [pairing.mentor.studentId], start: s.start, end: s.end });
          index.add({ schoolId: pairing.mentee.schoolId, studentIds: [pairing.mentee.studentId], start: s.start, end: s.end });
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });
});
