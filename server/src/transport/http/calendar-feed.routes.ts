import { calendarFeedEndpoints } from '@peerbridge/shared';
import type { CalendarFeeds } from '../../services/calendar-feed/calendar-feeds.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, staffOf } from './staff-session.js';

/** Staff management of their own secret feed address. */
export function staffCalendarFeedRoutes(deps: { calendarFeeds: CalendarFeeds; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  on(calendarFeedEndpoints.status, requireRole('sessions:read'), ({ res }) => deps.calendarFeeds.status(staffOf(res).staffId));
  on(calendarFeedEndpoints.create, requireRole('sessions:read'), async ({ body, req, res }) => {
    const file = await deps.calendarFeeds.issue(staffOf(res).staffId, body.scope);
    return { url: `${req.protocol}://${req.get('host')}/calendar/${file}` };
  });
  on(calendarFeedEndpoints.revoke, requireRole('sessions:read'), ({ res }) => deps.calendarFeeds.revoke(staffOf(res).staffId));
  return router;
}

/** The feed itself, fetched by calendar apps without a session: the secret address is the credential. */
export function publicCalendarFeedRoutes(deps: { calendarFeeds: CalendarFeeds; contract?: ContractOptions }) {
  const { router, on } = endpointRouter('', deps.contract);
  // No HTTP caching (see app.ts): a calendar app keeps its own copy of the events anyway, so
  // caching would only leave children's names in a browser's or proxy's disk cache.
  on(calendarFeedEndpoints.feed, ({ params }) => deps.calendarFeeds.render(params.file));
  return router;
}
