import { calendarEndpoints, matchingEndpoints, type FreeSlot, type SchoolCalendarResponse, type StudentMatchingProfile } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

export type { FreeSlot, StudentMatchingProfile } from '@peerbridge/shared';

export function fetchMatchingProfile(studentId: string, signal?: AbortSignal): Promise<StudentMatchingProfile> {
  return callApi(matchingEndpoints.matchingProfile, { params: { id: studentId } }, { auth: staffAuth, signal });
}

/** The school's own calendar: its bell schedule gives the grid its rows, its cycle the number of weeks. */
export function fetchOwnCalendar(signal?: AbortSignal): Promise<SchoolCalendarResponse> {
  return callApi(calendarEndpoints.calendar, {}, { auth: staffAuth, signal });
}

/** Replaces the student's free periods; the server refuses a period its bell schedule lacks, naming it and the day. */
export function saveFreePeriods(studentId: string, slots: FreeSlot[]): Promise<void> {
  return callApi(calendarEndpoints.setAvailability, { params: { id: studentId }, body: { slots } }, { auth: staffAuth });
}

export function saveSubjects(studentId: string, subjects: string[]): Promise<void> {
  return callApi(matchingEndpoints.setSubjects, { params: { id: studentId }, body: { subjects } }, { auth: staffAuth });
}
