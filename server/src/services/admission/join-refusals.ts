import type { JoinRefusal } from '../../domain/sessions/join-rules.js';
import { localClockTime } from '../../domain/time/school-day.js';
import { AppError } from '../../errors.js';

/** Turns a refused join into words a fifteen-year-old understands, in their school's local time. */
export function joinRefusalError(refusal: JoinRefusal, schoolTimeZone: string): AppError {
  switch (refusal.reason) {
    case 'not_participant':
      return new AppError('not_participant', 'This session is not yours to join. Check you picked your own name.');
    case 'cancelled':
      return new AppError('session_cancelled', 'This session has been cancelled. Your coordinator will arrange another.');
    case 'not_open_yet':
      return new AppError(
        'session_not_open',
        `This session isn't open yet. You can join from ${localClockTime(refusal.opensAt, schoolTimeZone)}.`,
        { opensAt: refusal.opensAt.toString() },
      );
    case 'consent_missing':
      return new AppError(
        'forbidden',
        "This session can't start yet: your school still needs to record something before you can meet. Your coordinator has been told.",
        { missing: refusal.missing },
      );
    case 'ended_by_staff':
      return new AppError(
        'session_ended_by_staff',
        "A member of staff has ended this session, so it can't be joined again. Your coordinator will talk to you about what happens next.",
      );
    case 'over':
      return new AppError(
        'session_over',
        `This session finished at ${localClockTime(refusal.endedAt, schoolTimeZone)}.`,
        { endedAt: refusal.endedAt.toString() },
      );
  }
}
