import { StudentRole } from '@peerbridge/shared';
import { z } from 'zod';
import { apiGet, apiSendNoContent, staffAuth } from '../../lib/api-client';

// Not in @peerbridge/shared yet: the shape the server's student list answers with.
export const SchoolStudent = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  yearGroup: z.number().int(),
  role: StudentRole,
  hasPin: z.boolean(),
  parentalConsentAt: z.string().nullable(),
  trainingCompletedAt: z.string().nullable(),
});
export type SchoolStudent = z.infer<typeof SchoolStudent>;

const StudentList = z.object({ students: z.array(SchoolStudent) });

export interface EligibilityChange {
  parentalConsent?: boolean;
  trainingCompleted?: boolean;
}

export async function fetchSchoolStudents(signal?: AbortSignal): Promise<SchoolStudent[]> {
  const { students } = await apiGet('/api/staff/students', StudentList, { auth: staffAuth, signal });
  return students;
}

/** The PIN goes to the server once and is stored there as a hash; it is never read back. */
export function setStudentPin(studentId: string, pin: string): Promise<void> {
  return apiSendNoContent('PUT', `/api/staff/students/${encodeURIComponent(studentId)}/pin`, { pin }, { auth: staffAuth });
}

export function setStudentEligibility(studentId: string, change: EligibilityChange): Promise<void> {
  return apiSendNoContent('PUT', `/api/staff/students/${encodeURIComponent(studentId)}/eligibility`, change, {
    auth: staffAuth,
  });
}
