import { Button } from '../../ui/button';
import { endDetail, endTitle, type CallEnd } from './call-state';

/** The end of a call, said plainly, with one way forward. */
export function CallEnded({ end, onBack }: { end: CallEnd; onBack: () => void }) {
  const detail = endDetail(end);
  return (
    <div className="call-ended">
      <h1 className="call-ended__title" data-testid="session-ended">
        {endTitle(end.reason)}
      </h1>
      {detail ? <p className="call-ended__detail">{detail}</p> : null}
      <Button size="large" onClick={onBack} data-testid="back-to-sessions">
        Back to today’s sessions
      </Button>
    </div>
  );
}
