import { schedulingEndpoints } from '@peerbridge/shared';
import type { CalendarReflow } from '../../services/scheduling/calendar-reflow.js';
import type { ClosureUndo } from '../../services/scheduling/closure-undo.js';
import type { SchedulingService } from '../../services/scheduling/scheduling-service.js';
import { endpointRouter, type ContractOptions } from './endpoint-router.js';
import { requireRole, schoolOf, staffOf } from './staff-session.js';

/** The slot finder, weekly series and closures, for coordinators; thin: parse, call, map. */
export function staffSchedulingRoutes(deps: {
  schedulingService: SchedulingService;
  calendarReflow: CalendarReflow;
  closureUndo: ClosureUndo;
  contract?: ContractOptions;
}) {
  const { router, on } = endpointRouter('/api/staff', deps.contract);
  const scheduling = deps.schedulingService;
  const manage = requireRole('schedule:manage');

  on(schedulingEndpoints.candidates, manage, async ({ params, res }) => ({ candidates: await scheduling.candidates(staffOf(res), params.id) }));

  on(schedulingEndpoints.createSeries, manage, ({ params, body, res }) => scheduling.createSeries(staffOf(res), params.id, body.candidateId));

  on(schedulingEndpoints.addClosure, manage, ({ query, body, res }) => {
    const staff = staffOf(res);
    // A closure is the asker's own school's: an account with no school is refused before anything is written.
    schoolOf(staff);
    return deps.calendarReflow.addClosure(staff, body, query.dryRun === 'true');
  });

  on(schedulingEndpoints.removeClosure, manage, ({ params, query, res }) => {
    const staff = staffOf(res);
    schoolOf(staff);
    return deps.closureUndo.removeClosure(staff, params.id, query.dryRun === 'true');
  });

  on(schedulingEndpoints.acceptReplacement, manage, ({ params, res }) => scheduling.acceptReplacement(staffOf(res), params.id));

  on(schedulingEndpoints.changes, manage, async ({ res }) => ({ changes: await scheduling.changesFor(schoolOf(staffOf(res))) }));

  return router;
}
