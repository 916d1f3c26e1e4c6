import { createHash, randomBytes } from 'node:crypto';
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
      feeds: Pick<CalendarFeedRepository, 'replace' | 'revokeAll' | 'staffFor'>;
      staff: Pick<StaffRepository, 'findById'>;
      sessions: Pick<SessionRepository, 'listForSchool'>;
      clock: Clock;
    },
  ) {}

  /** A new address (its file name, `<token>.ics`); any earlier one stops working. */
  async issue(staffId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.deps.feeds.replace(staffId, hash(token), new Date(this.deps.clock.now().epochMilliseconds));
    return `${token}${FEED_SUFFIX}`;
  }

  async revoke(staffId: string): Promise<void> {
    await this.deps.feeds.revokeAll(staffId, new Date(this.deps.clock.now().epochMilliseconds));
  }

  /** The iCalendar text behind a feed file name: the school's sessions from a month back to a year ahead. */
  async render(file: string): Promise<string> {
    const staffId = await this.deps.feeds.staffFor(hash(file.slice(0, -FEED_SUFFIX.length)));
    const member = staffId ? await this.deps.staff.findById(staffId) : undefined;
    if (!member?.schoolId || !hasRoleFor({ staffId: member.id, schoolId: member.schoolId, roles: member.roles }, 'sessions:read')) {
      throw AppError.notFound('This calendar address is not in use any more.');
    }
    const now = this.deps.clock.now();
    const records = await this.deps.sessions.listForSchool(member.schoolId, now.subtract({ hours: 24 * 30 }), now.add({ hours: 24 * 370 }));
    return toICalendar(
      `Peerbridge – ${member.schoolName ?? 'sessions'}`,
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
