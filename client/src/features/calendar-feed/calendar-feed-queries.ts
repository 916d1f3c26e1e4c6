import { useStaffQuery } from '../../lib/staff/staff-query';
import { fetchCalendarFeed } from './calendar-feed-api';

export const calendarFeedKeys = {
  status: ['calendar-feed'] as const,
};

export const useCalendarFeed = () => useStaffQuery({ queryKey: calendarFeedKeys.status, queryFn: ({ signal }) => fetchCalendarFeed(signal) });
