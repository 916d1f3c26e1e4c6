import { Button } from '../../ui/button';
import { schoolTime } from '../../lib/school-time';
import { endDetail, endTitle, type CallEnd } from './call-state';
import { nextMeetingWords, SUPPORT_AFTER_CALL } from './call-timing';

/** What the end screen may say about what comes next; all of it from today's session on this iPad. */
export interface EndContext {
  partnerName: string;
  /** When the pair meet next, if it is timetabled. */
  nextStartsAt?: string | undefined;
  timeZone: string;
  nowMs: number;
}

/**
 * What comes after the title for each reason: the kind close (the session's
 * time is up) says when they meet next and that help is there. A new reason
 * adds its own case here and in call-state's words.
 */
function whatNext(end: CallEnd, context: EndContext): string[] {
  switch (end.reason) {
    case 'time_up':
      return [
        nextMeetingWords({
          partnerName: context.partnerName,
          nextStartsAt: context.nextStartsAt,
          nowMs: context.nowMs,
          time: schoolTime(context.timeZone),
        }),
        SUPPORT_AFTER_CALL,
      ];
    default:
      return [];
  }
}

/** The end of a call, said plainly, with one way forward. */
export function CallEnded({ end, context, onBack }: { end: CallEnd; context: EndContext; onBack: () => void }) {
  const detail = endDetail(end);
  const next = whatNext(end, context);
  return (
    <div className="call-ended" data-reason={end.reason}>
      <h1 className="call-ended__title" data-testid="session-ended">
        {endTitle(end.reason)}
      </h1>
      {detail ? <p className="call-ended__detail">{detail}</p> : null}
      {next.length > 0 ? (
        <div className="call-ended__next" data-testid="what-happens-next">
          {next.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : null}
      <Button size="large" onClick={onBack} data-testid="back-to-sessions">
        Back to today’s sessions
      </Button>
    </div>
  );
}
