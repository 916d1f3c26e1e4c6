import { attendanceEndpoints, type MentoredListResponse, type PairingAttendanceResponse, type StudentAttendanceResponse } from '@peerbridge/shared';
import { callApi, staffAuth } from '../../lib/api-client';

/** Who is being mentored at the coordinator's school, with next sessions and attendance. */
export function fetchMentored(signal?: AbortSignal, background = false): Promise<MentoredListResponse> {
  return callApi(attendanceEndpoints.mentored, {}, { auth: staffAuth, signal, background });
}

export function fetchPairingAttendance(pairingId: string, signal?: AbortSignal): Promise<PairingAttendanceResponse> {
  return callApi(attendanceEndpoints.pairing, { params: { id: pairingId } }, { auth: staffAuth, signal });
}

export function fetchStudentAttendance(studentId: string, signal?: AbortSignal): Promise<StudentAttendanceResponse> {
  return callApi(attendanceEndpoints.student, { params: { id: studentId } }, { auth: staffAuth, signal });
}
