import type { MentoredListResponse } from '@peerbridge/shared';
import { createPortal } from 'react-dom';
import { partnerLabel, personName } from './attendance-words';

/**
 * The teachers' copy of who is being mentored: straight under <body>, so the page prints as this
 * list alone. Names, year, who with, and the next session; no attendance details, which stay with
 * the coordinator ("within the constraints of confidentiality").
 */
export function MentoredPrint({ list }: { list: MentoredListResponse }) {
  return createPortal(
    <div className="attendance-print" data-testid="mentored-print">
      <h1>Students in peer mentoring at {list.schoolName}</h1>
      <p>As of {list.asOf}. Please keep this list confidential and let the mentoring coordinator know of anything that affects a student&apos;s sessions.</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Student</th>
            <th scope="col">Year</th>
            <th scope="col">Mentoring</th>
            <th scope="col">Next session</th>
          </tr>
        </thead>
        <tbody>
          {list.students.map((s) => (
            <tr key={`${s.pairingId}-${s.student.id}`} data-testid="mentored-print-row">
              <td>{personName(s.student)}</td>
              <td>{s.student.yearGroup}</td>
              <td>{s.role === 'mentor' ? `Mentor to ${partnerLabel(s.partner)}` : `Mentored by ${partnerLabel(s.partner)}`}</td>
              <td>{s.nextSession ? s.nextSession.when : 'None booked'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>,
    document.body,
  );
}
