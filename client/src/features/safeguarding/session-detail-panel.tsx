import type { ReactNode } from 'react';
import { Button } from '../../ui/button';
import { describeStudent } from './session-filters';
import type { StaffSessionSummary } from './session-log-api';
import { useSchoolTime } from '../../lib/staff/staff-context';

/**
 * A session for staff who don't read logs (coordinators, supervisors): when
 * and who, and what they can do about it. The log itself is for safeguarding leads.
 */
export function SessionDetailPanel({
  session,
  onClose,
  children,
}: {
  session: StaffSessionSummary;
  onClose: () => void;
  children?: ReactNode;
}) {
  const time = useSchoolTime();
  return (
    <article className="session-log" data-testid="session-detail" aria-label="Session">
      <header className="session-log__header">
        <div>
          <h3 className="session-log__title">
            {time.date(session.startsAt)}, {time.time(session.startsAt)}–{time.time(session.endsAt)}
          </h3>
          <p className="staff-muted">
            {describeStudent(session.mentor)} mentoring {describeStudent(session.mentee)}
          </p>
        </div>
        <Button variant="quiet" onClick={onClose}>
          Close
        </Button>
      </header>
      <p className="staff-muted session-log__note">
        Session logs are kept for your school’s safeguarding lead. If something worried you, raise a concern: it reaches
        the safeguarding lead at each child’s school.
      </p>
      {children}
    </article>
  );
}
