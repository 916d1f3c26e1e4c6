import type { DeviceExitsResponse } from '@peerbridge/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../ui/button';

export type EndingStudent = DeviceExitsResponse['students'][number];

/** How often the iPad's home screen asks again (a coordinator may end a pairing while it is open). */
const REFRESH_MS = 60_000;

/**
 * On the iPad's home screen: the school's students whose mentoring is ending or has ended, by first
 * name only (as the session cards show them). Tapping a name asks for that student's PIN.
 */
export function DeviceExitsCard({ deviceToken, onOpen }: { deviceToken: string; onOpen: (student: EndingStudent) => void }) {
  const [students, setStudents] = useState<EndingStudent[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    // The API module brings zod and the contract's schemas: loaded once the screen is up, not before its first paint.
    const load = () =>
      import('./exits-api')
        .then(({ fetchDeviceExits }) => fetchDeviceExits(deviceToken, controller.signal))
        .then(
          (r) => setStudents(r.students),
          // The sessions list shows the iPad's problems; this card simply stays as it was.
          () => undefined,
        );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [deviceToken]);

  if (students.length === 0) return null;
  return (
    <section className="device-exits" data-testid="device-exits" aria-labelledby="device-exits-title">
      <h2 id="device-exits-title" className="device-exits__title">
        Mentoring coming to an end
      </h2>
      <p className="device-exits__lead">Tap your name and enter your PIN{students.some((s) => s.questionnaire) ? ' to tell us how mentoring went' : ''}.</p>
      <ul className="device-exits__list">
        {students.map((s) => (
          <li key={s.studentId}>
            <Button variant="secondary" size="large" data-testid="device-exit-student" data-student-id={s.studentId} onClick={() => onOpen(s)}>
              {s.firstName}
              {s.questionnaire ? ' · questionnaire' : ''}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
