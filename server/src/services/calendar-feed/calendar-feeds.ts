import { createHash, randomBytes } from 'node:crypto';
import type { CalendarFeedScope, CalendarFeedStatus } from '@peerbridge/shared';
import { hasRoleFor } from '../../domain/access/policy.js';
import { toICalendar } from '../../domain/calendar-feed/icalendar.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { CalendarFeedRepository } from '../../infra/db/calendar-feed-repository.js';
import type { SessionRepository } from '../../infra/db/session-repository.js';
import type { StaffRepository } from '../../infra/db/staff-repository.js';

// Only the hash is stored: the address itself is the credential, shown once.
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const FEED_SUFFIX = '.ics';

/**
 * Each member of staff's secret calendar-feed address, and the feed itself,
 * which calendar apps fetch without a session. First names and school names
 * only, since feeds end up in places schools do not control.
 */
export class CalendarFeeds {
  constructor(
    private readonly deps: {
      feeds: Pick<CalendarFeedRepository, 'replace' | 'revokeAll' | 'feedFor' | 'liveFeedOf' | 'sessionsBookedBy'>;
      staff: Pick<StaffRepository, 'findById'>;
      sessions: Pick<SessionRepository, 'listForSchool'>;
      clock: Clock;
    },
  ) {}

  /** A new address (its file name, `<token>.ics`); any earlier one stops working. */
  async issue(staffId: string, scope: CalendarFeedScope): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.deps.feeds.replace(staffId, hash(token), scope, new Date(this.deps.clock.now().epochMilliseconds));
    return `${token}${FEED_SUFFIX}`;
  }

  async status(staffId: string): Promise<CalendarFeedStatus> {
    const feed = await this.deps.feeds.liveFeedOf(staffId);
    return { feed: feed ? { scope: feed.scope, createdAt: feed.createdAt.toString() } : null };
  }

  async revoke(staffId: string): Promise<void> {
    await this.deps.feeds.revokeAll(staffId, new Date(this.deps.clock.now().epochMilliseconds));
  }

  /**
   * The iCalendar text behind a feed file name: the school's sessions from a month back to a year
   * ahead, or, for a 'mine' feed, only those of the series its owner booked.
   */
  async render(file: string): Promise<string> {
    const feed = await this.deps.feeds.feedFor(hash(file.slice(0, -FEED_SUFFIX.length)));
    const member = feed ? await this.deps.staff.findById(feed.staffId) : undefined;
    if (!feed || !member?.schoolId || !hasRoleFor({ staffId: member.id, schoolId: member.schoolId, roles: member.roles }, 'sessions:read')) {
      throw AppError.notFound('This calendar address is not in use any more.');
    }
    const now = this.deps.clock.now();
    const school = await this.deps.sessions.listForSchool(member.schoolId, now.subtract({ hours: 24 * 30 }), now.add({ hours: 24 * 370 }));
    const booked = feed.scope === 'mine' ? await this.deps.feeds.sessionsBookedBy(member.id) : undefined;
    const records = booked ? school.filter((r) => booked.has(r.id)) : school;
    return toICalendar(
      `Peerbridge – ${member.schoolName ?? 'sessions'}${booked ? ` – ${member.fullName}'s pairings` : ''}`,
      records.map((r) => ({
        uid: `${r.id}@peerbridge`,
        start: r.startsAt,
        end: r.endsAt,
        summary: `Mentoring: ${r.mentor.firstName} (${r.mentor.schoolName}) with ${r.mentee.firstName} (${r.mentee.schoolName})`,
        cancelled: r.cancelled,
      })),
      now,
    );
  }
}
