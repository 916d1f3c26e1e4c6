import type { AlertChild } from '@peerbridge/shared';
import type { SessionRecord, SessionStudent } from '../../infra/db/session-repository.js';

const asAlertChild = (s: SessionStudent): AlertChild => ({ firstName: s.firstName, yearGroup: s.yearGroup, schoolName: s.schoolName });

/**
 * Who an alert is about and who they were with, as both schools' safeguarding
 * leads may see them (first name, year, school: no surname crosses schools).
 * `studentId` is the child it is about; anyone else (a staff-raised concern)
 * reads as the mentee, the younger child the programme is for.
 */
export function alertChildren(record: SessionRecord, studentId: string | null): { child: AlertChild; partner: AlertChild } {
  const aboutMentor = studentId === record.mentor.id;
  return {
    child: asAlertChild(aboutMentor ? record.mentor : record.mentee),
    partner: asAlertChild(aboutMentor ? record.mentee : record.mentor),
  };
}
