import { z } from 'zod';
import { IsoInstant } from '../ids.js';
import { endpoint } from './endpoint.js';

/** The secret part of a feed address: 32 random bytes in base64url, then `.ics`. */
export const CalendarFeedFile = z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'is not a feed address');
export const CalendarFeedParams = z.object({ file: CalendarFeedFile });

/** The new secret address, shown once; it replaces any earlier one. */
export const CalendarFeedCreatedResponse = z.object({ url: z.url() });

/** What a feed shows: every session of the school, or only the series the member of staff booked. */
export const CalendarFeedScope = z.enum(['school', 'mine']);
export type CalendarFeedScope = z.infer<typeof CalendarFeedScope>;

/** `POST /api/staff/calendar-feed`: the whole school's sessions unless asked otherwise. */
export const CreateCalendarFeedRequest = z.strictObject({ scope: CalendarFeedScope.default('school') }).default({ scope: 'school' });

/** The member of staff's live feed, if any: when it was made and what it shows (the address itself is shown only once). */
export const CalendarFeedStatus = z.object({
  feed: z.object({ scope: CalendarFeedScope, createdAt: IsoInstant }).nullable(),
});
export type CalendarFeedStatus = z.infer<typeof CalendarFeedStatus>;

export const calendarFeedEndpoints = {
  status: endpoint({
    method: 'GET',
    path: '/api/staff/calendar-feed',
    tag: 'calendar-feed',
    audience: 'staff',
    summary: "Whether the member of staff has a calendar feed in use, since when, and what it shows.",
    response: CalendarFeedStatus,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/staff/calendar-feed',
    tag: 'calendar-feed',
    audience: 'staff',
    summary: "A new secret address for the member of staff's own calendar feed (any earlier one stops working).",
    body: CreateCalendarFeedRequest,
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
