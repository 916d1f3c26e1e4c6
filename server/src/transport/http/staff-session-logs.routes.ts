import { Router } from 'express';
import { Uuid } from '@peerbridge/shared';
import type { Clock } from '../../domain/time/clock.js';
import { AppError } from '../../errors.js';
import type { RecordViewRepository } from '../../infra/db/record-view-repository.js';
import type { SessionEventRepository } from '../../infra/db/session-event-repository.js';
import type { SessionRepository } from '../../infra/db/session-repository.js';
import type { SessionLogEvidence } from '../../services/session-log/session-log-evidence.js';
import { parseInput } from '../validation.js';
import type { SecondFactor } from '../../services/staff/second-factor.js';
import { assertCan, staffOf, staffSessionOf } from './staff-session.js';

/** Safeguarding leads read and verify the logs of sessions that involve their school's students. */
export function staffSessionLogRoutes(deps: {
  sessions: SessionRepository;
  events: SessionEventRepository;
  views: RecordViewRepository;
  evidence: SessionLogEvidence;
  secondFactor: SecondFactor;
  clock: Clock;
}): Router {
  const router = Router();

  const sessionFor = async (rawId: unknown) => {
    const id = parseInput(Uuid, rawId, 'session id');
    const session = await deps.sessions.findById(id);
    if (!session) throw AppError.notFound('No such session.');
    return { id, record: session, schools: [session.mentor.schoolId, session.mentee.schoolId] };
  };

  router.get('/:id/log', async (req, res) => {
    const staff = staffOf(res);
    const session = await sessionFor(req.params.id);
    assertCan(staff, 'session-log:read', session.schools);
    // The view is on the record before the log is shown.
    await deps.views.record(staff.staffId, 'session_log', session.id, deps.clock.now());
    const entries = await deps.events.list(session.id);
    res.json({
      entries: entries.map((e) => ({ seq: e.seq, type: e.type, at: e.at, actor: e.actor, deviceId: e.deviceId, detail: e.detail, hash: e.hash })),
    });
  });

  router.get('/:id/log/verify', async (req, res) => {
    const staff = staffOf(res);
    const session = await sessionFor(req.params.id);
    assertCan(staff, 'session-log:verify', session.schools);
    await deps.views.record(staff.staffId, 'session_log', session.id, deps.clock.now(), 'verified');
    res.json(await deps.events.verify(session.id));
  });

  // The whole log, signed, as a file that verifies offline (npm run verify-evidence).
  router.get('/:id/log/evidence', async (req, res) => {
    const staff = staffOf(res);
    const session = await sessionFor(req.params.id);
    assertCan(staff, 'session-log:read', session.schools);
    // An evidence file is a safeguarding record like a concern: it needs the DSL's step-up when that is required.
    await deps.secondFactor.assertSteppedUp(staffSessionOf(res));
    const file = await deps.evidence.export(staff, session.record);
    res.attachment(`session-log-${session.id}.evidence.json`).json(file);
  });

  router.get('/:id/log/views', async (req, res) => {
    const staff = staffOf(res);
    const session = await sessionFor(req.params.id);
    assertCan(staff, 'session-log:read', session.schools);
    res.json({ views: await deps.views.viewsOf('session_log', session.id) });
  });

  return router;
}
