import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { sessionStatus } from '../domain/sessions/join-rules.js';
import { schoolDayAt } from '../domain/time/school-day.js';
import { demoSessionTimes } from './demo-data.js';

/**
 * Every demo session has the status its name promises, at any time of day, and is on today's
 * list, except at the very edges of the day: in the last minutes before midnight no session
 * that is not yet open can start today ("later" is then early tomorrow), and in the first
 * minutes after it none can have ended today ("earlier" is then late yesterday).
 */
describe('demoSessionTimes', () => {
  const at = (iso: string) => Temporal.Instant.from(iso);
  it.each([
    '2026-11-23T09:17:00Z',
    '2026-11-23T22:50:00Z',
    '2026-11-23T23:40:00Z',
    '2026-11-23T23:59:00Z',
    '2026-11-24T00:01:00Z',
    '2026-11-24T00:20:00Z',
    '2026-07-01T22:45:00Z',
    '2026-10-25T00:30:00Z',
    '2026-10-25T01:30:00Z',
    '2027-03-28T01:30:00Z',
  ])(
    'at %s',
    (iso) => {
      const now = at(iso);
      const day = schoolDayAt(now, 'Europe/London');
      for (const plan of demoSessionTimes(now)) {
        const end = plan.start.add({ minutes: plan.minutes });
        const session = { cancelled: false, startsAt: plan.start, endsAt: end };
        const expected = { now: 'open', later: 'upcoming', earlier: 'ended' }[plan.kind];
        expect(sessionStatus(session, now), plan.kind).toBe(expected);
        const today = Temporal.Instant.compare(plan.start, day.end) < 0 && Temporal.Instant.compare(end, day.start) > 0;
        const noRoomLater = Temporal.Instant.compare(now.add({ minutes: 6 }), day.end) >= 0;
        const noRoomEarlier = Temporal.Instant.compare(now.subtract({ minutes: 2 }), day.start) < 0;
        if (plan.kind === 'later' && noRoomLater) {
          expect(Temporal.Instant.compare(plan.start, day.end) >= 0, 'later starts tomorrow').toBe(true);
          expect(plan.start.since(day.end).total('hours'), 'later is early tomorrow').toBeLessThan(2);
        } else if (plan.kind === 'earlier' && noRoomEarlier) {
          expect(Temporal.Instant.compare(end, day.start) <= 0, 'earlier ended yesterday').toBe(true);
          expect(day.start.since(end).total('hours'), 'earlier is late yesterday').toBeLessThan(3);
        } else {
          // Overlaps the school's day, so today's list shows it.
          expect(today, plan.kind).toBe(true);
        }
      }
    },
  );
});
