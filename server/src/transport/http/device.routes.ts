import { Router, type Request } from 'express';
import type { TodaySessionsResponse } from '@peerbridge/shared';
import type { DeviceIdentity, DeviceTokens } from '../../services/devices/device-tokens.js';
import { joinOpensAt, sessionStatus } from '../../domain/sessions/join-rules.js';
import type { Clock } from '../../domain/time/clock.js';
import { schoolDayAt } from '../../domain/time/school-day.js';
import { AppError } from '../../errors.js';
import type { SessionRecord, SessionRepository } from '../../infra/db/session-repository.js';

export async function deviceFromRequest(req: Request, tokens: DeviceTokens): Promise<DeviceIdentity> {
  const header = req.get('authorization') ?? '';
  const match = /^Bearer ([A-Za-z0-9._-]{1,4096})$/.exec(header);
  if (!match?.[1]) throw AppError.unauthenticated('This iPad is not set up for Peerbridge yet.');
  return tokens.authenticate(match[1]);
}

function toTodaySession(record: SessionRecord, schoolId: string, now: Parameters<typeof sessionStatus>[1]) {
  const [self, partner] = record.mentor.schoolId === schoolId ? [record.mentor, record.mentee] : [record.mentee, record.mentor];
  return {
    id: record.id,
    startsAt: record.startsAt.toString(),
    endsAt: record.endsAt.toString(),
    joinOpensAt: joinOpensAt(record.startsAt).toString(),
    status: sessionStatus(record, now),
    participant: { id: self.id, firstName: self.firstName, role: self.role },
    // Partner-school students are shown by first name, school and year only.
    partner: { firstName: partner.firstName, role: partner.role, yearGroup: partner.yearGroup, schoolName: partner.schoolName },
  };
}

export function deviceRoutes(deps: { deviceTokens: DeviceTokens; sessions: SessionRepository; clock: Clock }): Router {
  const router = Router();

  router.get('/sessions/today', async (req, res) => {
    const device = await deviceFromRequest(req, deps.deviceTokens);
    const now = deps.clock.now();
    const day = schoolDayAt(now, device.school.timeZone);
    const records = await deps.sessions.listForSchool(device.school.id, day.start, day.end);
    const body: TodaySessionsResponse = {
      school: device.school,
      device: { id: device.deviceId, label: device.label },
      date: day.date.toString(),
      sessions: records.map((r) => toTodaySession(r, device.school.id, now)),
    };
    res.json(body);
  });

  return router;
}
