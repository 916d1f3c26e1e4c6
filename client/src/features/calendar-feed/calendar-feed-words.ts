import type { CalendarFeedStatus } from '@peerbridge/shared';
import type { SchoolTime } from '../../lib/school-time';

/** What the member of staff's feed is doing now, in a sentence. */
export function feedStatusWords(status: CalendarFeedStatus, time: SchoolTime): string {
  if (!status.feed) return 'No calendar feed. Get an address to see sessions in your own calendar app.';
  const what = status.feed.scope === 'mine' ? 'the series you booked' : "all your school's sessions";
  return `A feed of ${what} has been in use since ${time.dateTime(status.feed.createdAt)}. Its address was shown once; get a new one if you need it again.`;
}
