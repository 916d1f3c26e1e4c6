import { Button } from '../../ui/button';
import type { EnrolledDevice } from './staff-devices-api';
import { useSchoolTime } from '../../lib/staff/staff-context';

/**
 * The one-time code, big enough to read from across a desk while typing it
 * on the iPad. It is shown once: only its hash is kept on the server.
 */
export function EnrolmentCodeCard({ enrolled, onDone }: { enrolled: EnrolledDevice; onDone: () => void }) {
  const time = useSchoolTime();
  return (
    <div className="enrolment-card" role="status">
      <p className="enrolment-card__lead">
        Setup code for <strong>{enrolled.device.label}</strong>
      </p>
      <p className="enrolment-card__code" data-testid="enrolment-code" aria-label={spellOut(enrolled.enrolmentCode)}>
        {enrolled.enrolmentCode}
      </p>
      <p className="enrolment-card__how">
        Type this on the iPad, on the screen that says “This iPad isn't set up”. Valid until{' '}
        <strong>{time.time(enrolled.expiresAt)}</strong>, works once.
      </p>
      <Button variant="secondary" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}

/** Screen readers read "K7QMD" as a word; one character at a time is what gets typed. */
function spellOut(code: string): string {
  return code.split('').join(' ');
}
