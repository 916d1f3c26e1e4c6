import {
  calendarEndpoints,
  schedulingEndpoints,
  type CalendarChangeResponse,
  type ClosureAddedResponse,
  type ClosureBody,
  type ClosureRemovedResponse,
  type SchoolCalendarBody,
  type SchoolCalendarResponse,
} from '@peerbridge/shared';
import type { z } from 'zod';
import { callApi, staffAuth } from '../../lib/api-client';

/* The coordinator's own school's calendar: bell times, cycle, terms and closures; every shape is the shared contract's. */

export type {
  BellPeriod as Period,
  CalendarChangeResponse,
  CancelledSession,
  ClosureAddedResponse,
  ClosureRemovedResponse,
  RestoredSession,
  SchoolCalendarBody,
  SchoolCalendarResponse,
  StillCancelledSession,
} from '@peerbridge/shared';
export type SavedCalendar = NonNullable<SchoolCalendarResponse['calendar']>;
export type Closure = SchoolCalendarResponse['closures'][number];
export type ClosureInput = z.input<typeof ClosureBody>;

/** A dry run answers what the change would do and writes nothing. */
const dryRunQuery = (dryRun: boolean) => ({ dryRun: dryRun ? ('true' as const) : ('false' as const) });

export function fetchSchoolCalendar(signal?: AbortSignal): Promise<SchoolCalendarResponse> {
  return callApi(calendarEndpoints.calendar, {}, { auth: staffAuth, signal });
}

export function saveSchoolCalendar(body: SchoolCalendarBody, dryRun: boolean): Promise<CalendarChangeResponse> {
  return callApi(calendarEndpoints.saveCalendar, { query: dryRunQuery(dryRun), body }, { auth: staffAuth });
}

export function addClosure(closure: ClosureInput, dryRun: boolean): Promise<ClosureAddedResponse> {
  return callApi(schedulingEndpoints.addClosure, { query: dryRunQuery(dryRun), body: closure }, { auth: staffAuth });
}

export function removeClosure(closureId: string, dryRun: boolean): Promise<ClosureRemovedResponse> {
  return callApi(schedulingEndpoints.removeClosure, { params: { id: closureId }, query: dryRunQuery(dryRun) }, { auth: staffAuth });
}
