import { createHash, randomBytes } from 'node:crypto';
import { Router, type Request } from 'express';
import { z } from 'zod';
import { toICalendar } from '../../domain/calendar-feed/icalendar.js';
import { hasRoleFor } from '../../domain/access/policy.js';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { CalendarFeedRepository } from '../../infra/db/calendar-feed-repository.js';
import type { SessionRepository } from '../../infra/db/session-repository.js';
import type { StaffRepository } from '../../infra/db/staff-repository.js';
import { parseInput } from '../validation.js';
import { requireRole, staffOf } from './staff-session.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const FeedToken = z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, 'is not a feed address');

const feedUrl = (req: Request, token: string) => `${req.protocol}://${req.get('host')}/calendar/${token}.ics`;

/** Staff management of their own secret feed address. */
export function staffCalendarFeedRoutes(deps: { feeds: CalendarFeedRepository; clock: Clock }): Router {
  const router = Router();
  router.post('/calendar-feed', requireRole('sessions:read'), async (req, res) => {
    const token = randomBytes(32).toString('base64url');
    await deps.feeds.replace(staffOf(res).staffId, hash(token), new Date(deps.clock.now().epochMilliseconds));
    res.status(201).json({ url: feedUrl(req, token) });
  });
  router.delete('/calendar-feed', requireRole('sessions:read'), async (_req, res) => {
    await deps.feeds.revokeAll(staffOf(res).staffId, new Date(deps.clock.now().epochMilliseconds));
    res.status(204).end();
  });
  return router;
}

/**
 * The feed itself, fetched by calendar apps without a session: the secret
 * address is the credential. First names and school names only, since feeds
 * end up in places schools do not control.
 */
export function publicCalendarFeedRoutes(deps: {
  feeds: CalendarFeedRepository;
  staff: StaffRepository;
  sessions: SessionRepository;
  clock: Clock;
}): Router {
  const router = Router();
  router.get('/calendar/:file', async (req, res) => {
    const file = parseInput(FeedToken, req.params.file, 'calendar address');
    const staffId = await deps.feeds.staffFor(hash(file.slice(0, -4)));
    const member = staffId ? await deps.staff.findById(staffId) : undefined;
    if (!member?.schoolId || !hasRoleFor({ staffId: member.id, schoolId: member.schoolId, roles: member.roles }, 'sessions:read')) {
      throw AppError.notFound('This calendar address is not in use any more.');
    }
    const now = deps.clock.now();
    const records = await deps.sessions.listForSchool(member.schoolId, now.subtract({ hours: 24 * 30 }), now.add({ hours: 24 * 370 }));
    const body = toICalendar(
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
    // No HTTP caching (see app.ts): a calendar app keeps its own copy of the events anyway, so
    // caching would only leave children's names in a browser's or proxy's disk cache.
    res.type('text/calendar; charset=utf-8').send(body);
  });
  return router;
}
