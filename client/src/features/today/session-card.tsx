import type { TodaySession } from '@peerbridge/shared';
import { Chip } from '../../ui/chip';
import { schoolTime } from '../../lib/school-time';
import { canOpenSession, partnerLine, statusLabel } from './session-format';

export interface SessionCardProps {
  session: TodaySession;
  timeZone: string;
  onOpen: (session: TodaySession) => void;
}

/** One timetabled session as a big tappable card once it is open. Later, finished and cancelled cards stay visible but inert. */
export function SessionCard({ session, timeZone, onOpen }: SessionCardProps) {
  const openable = canOpenSession(session.status);
  const time = schoolTime(timeZone);
  return (
    <button
      type="button"
      className={`session-card session-card--${session.status}`}
      data-testid="session-card"
      data-session-id={session.id}
      data-status={session.status}
      disabled={!openable}
      onClick={() => onOpen(session)}
    >
      <span className="session-card__time">{time.timeRange(session.startsAt, session.endsAt)}</span>
      <span className="session-card__main">
        <span className="session-card__student">{session.participant.firstName}</span>
        <span className="session-card__partner">{partnerLine(session.partner)}</span>
        {session.finalReview ? (
          <span className="session-card__final" data-testid="session-final-review">
            Final review: your last mentoring session together
          </span>
        ) : null}
      </span>
      <span className="session-card__side">
        <Chip tone={session.status}>{statusLabel(session, time)}</Chip>
        {openable ? (
          <span className="session-card__cta" aria-hidden="true">
            Get ready ›
          </span>
        ) : null}
      </span>
    </button>
  );
}
