import { describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { sessionStatus } from '../domain/sessions/join-rules.js';
import { schoolDayAt } from '../domain/time/school-day.js';
import { demoSessionTimes } from './demo-data.js';

/** Every demo session on today's list, each with the status its name promises, at any time of day. */
describe('demoSessionTimes', () => {
  const at = (iso: string) => Temporal.Instant.from(iso);
  it.each(['2026-11-23T09:17:00Z', '2026-11-23T22:50:00Z', '2026-11-23T23:40:00Z', '2026-11-24T00:20:00Z', '2026-07-01T22:45:00Z'])(
    'at %s',
    (iso) => {
      const now = at(iso);
      const day = schoolDayAt(now, 'Europe/London');
      for (const plan of demoSessionTimes(now)) {
        const end = plan.start.add({ minutes: plan.minutes });
        const session = { cancelled: false, startsAt: plan.start, endsAt: end };
        const expected = { now: 'open', later: 'upcoming', earlier: 'ended' }[plan.kind];
        expect(sessionStatus(session, now), plan.kind).toBe(expected);
        // Overlaps the school's day, so today's list shows it.
        expect(Temporal.Instant.compare(plan.start, day.end) < 0 && Temporal.Instant.compare(end, day.start) > 0, plan.kind).toBe(true);
      }
    },
  );
});
