/*
 * The network scheduler as it was before the 5,000-pairing work (commit 814db30), frozen:
 * the network-schedule bench runs it beside the current one in the same session as its
 * baseline, and bench/network-schedule-equivalence.test.ts checks the current scheduler
 * places every pairing exactly where this one does. Never optimise or fix anything here;
 * only calendar.ts (the model) is shared with the live code.
 */
export { BookingIndex } from './booking-index.js';
export { findSlots } from './slot-finder.js';
export type { Candidate, Occurrence } from './slot-finder.js';
