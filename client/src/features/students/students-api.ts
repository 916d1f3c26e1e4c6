import { studentEndpoints, type EligibilityRequest, type PinCard, type SchoolStudent } from '@peerbridge/shared';
import type { z } from 'zod';
import { callApi, staffAuth } from '../../lib/api-client';

export type { PinCard, RecordMethod, SchoolStudent } from '@peerbridge/shared';

export type EligibilityChange = z.input<typeof EligibilityRequest>;

export async function fetchSchoolStudents(signal?: AbortSignal, background = false): Promise<SchoolStudent[]> {
  const { students } = await callApi(studentEndpoints.list, {}, { auth: staffAuth, signal, background });
  return students;
}

/** Students who have left: kept for the records, out of every other list. */
export async function fetchArchivedStudents(signal?: AbortSignal): Promise<SchoolStudent[]> {
  const { students } = await callApi(studentEndpoints.list, { query: { archived: 'true' } }, { auth: staffAuth, signal });
  return students;
}

/** The PIN goes to the server once and is stored there as a hash; it is never read back. */
export function setStudentPin(studentId: string, pin: string): Promise<void> {
  return callApi(studentEndpoints.setPin, { params: { id: studentId }, body: { pin } }, { auth: staffAuth });
}

export function setStudentEligibility(studentId: string, change: EligibilityChange): Promise<void> {
  return callApi(studentEndpoints.setEligibility, { params: { id: studentId }, body: change }, { auth: staffAuth });
}

/**
 * New PINs for several students at once. The answer is the only time the PINs
 * exist outside the students' heads: the server keeps hashes, so keep this in
 * memory only (never a query cache, never storage).
 */
export async function generateStudentPins(studentIds: string[]): Promise<PinCard[]> {
  const { cards } = await callApi(studentEndpoints.generatePins, { body: { studentIds } }, { auth: staffAuth });
  return cards;
}
