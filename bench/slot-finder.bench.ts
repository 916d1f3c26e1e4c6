import { BookingIndex, bookingsOf, findSlots, occurrencesOf } from '../server/src/domain/scheduling/index.js';
import { ACADEMIC_YEAR, makeAvailability, makeSchool, seededRandom } from './scheduling-fixtures.js';

/*
 * The slot finder for one pairing over a full academic year (Sept–July: six terms, a two-week
 * cycle, five INSET days, trips and snow days, both clock changes), returning every ranked
 * candidate in full, as a coordinator's screen asks for. The two schools already run thirty
 * other pairings' sessions, so device pools and students are partly booked. Each school's
 * timeline is built once and reused, as it is in the server; a warm-up pays for that first.
 */

const random = seededRandom(11);
const mentorSchool = makeSchool(random, 'riverside');
const menteeSchool = makeSchool(random, 'hillcrest');
const pairing = (i: number) => ({
  mentor: makeAvailability(random, `mentor-${i}`, mentorSchool.schoolId, 10 + (i % 7)),
  mentee: makeAvailability(random, `mentee-${i}`, menteeSchool.schoolId, 6 + (i % 5)),
  mentorSchool,
  menteeSchool,
});

const bookings = new BookingIndex();
for (let i = 0; i < 30; i++) {
  const p = pairing(i);
  const [best] = findSlots({ ...p, programme: ACADEMIC_YEAR, bookings, limit: 1 });
  if (best) for (const b of bookingsOf(occurrencesOf(best), p.mentor, p.mentee)) bookings.add(b);
}

const measured = Array.from({ length: 50 }, (_, i) => pairing(100 + i));
const run = (times: number) => {
  let candidates = 0;
  for (let i = 0; i < times; i++) candidates += findSlots({ ...measured[i % measured.length]!, programme: ACADEMIC_YEAR, bookings }).length;
  return candidates;
};

run(300);
const runs = 3000;
const started = performance.now();
const candidates = run(runs);
const ms = (performance.now() - started) / runs;

if (process.env.BENCH_VERBOSE) process.stderr.write(`candidates per pairing: ${(candidates / runs).toFixed(1)}\n`);
process.stdout.write(`slot-finder ms-per-pairing=${ms.toFixed(3)}\n`);
