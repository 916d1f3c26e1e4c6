import { Router } from 'express';
import { assertCan, requireRole, staffOf } from './staff-session.js';

/** DSLs and supervisors see which sessions involving their school are live now, to observe one. */
export function liveSessionRoutes(deps: {
  liveSessions: (schoolId: string) => { sessionId: string; students: number; observers: number }[];
}): Router {
  const router = Router();
  router.get('/live-sessions', requireRole('sessions:observe'), (_req, res) => {
    const staff = staffOf(res);
    assertCan(staff, 'sessions:observe', [staff.schoolId!]);
    res.json({ sessions: deps.liveSessions(staff.schoolId!) });
  });
  return router;
}
