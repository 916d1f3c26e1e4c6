import { z } from 'zod';
import { endpoint } from './endpoint.js';

/** The secret part of a feed address: 32 random bytes in base64url, then `.ics`. */
export const CalendarFeedFile = z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'is not a feed address');
export const CalendarFeedParams = z.object({ file: CalendarFeedFile });

/** The new secret address, shown once; it replaces any earlier one. */
export const CalendarFeedCreatedResponse = z.object({ url: z.url() });

export const calendarFeedEndpoints = {
  create: endpoint({
    method: 'POST',
    path: '/api/staff/calendar-feed',
    tag: 'calendar-feed',
    audience: 'staff',
    summary: "A new secret address for the member of staff's own calendar feed (any earlier one stops working).",
    response: CalendarFeedCreatedResponse,
    status: 201,
  }),
  revoke: endpoint({
    method: 'DELETE',
    path: '/api/staff/calendar-feed',
    tag: 'calendar-feed',
    audience: 'staff',
    summary: "Stops the member of staff's calendar feed.",
    response: null,
  }),
  feed: endpoint({
    method: 'GET',
    path: '/calendar/:file',
    tag: 'calendar-feed',
    // The secret address is the credential: calendar apps fetch it without a session.
    audience: 'public',
    summary: "The school's sessions as an iCalendar feed, by first names and school names only.",
    params: CalendarFeedParams,
    response: { file: 'text/calendar' },
  }),
};
