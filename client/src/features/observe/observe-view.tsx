import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../ui/button';
import { CalmPulse } from '../../ui/calm-pulse';
import { EyeIcon } from '../../ui/icons';
import { describeObserver, listInWords } from '../../lib/remote-room/observers';
import { useSchoolTime, useStaffContext } from '../../lib/staff/staff-context';
import { useStaffNavigation } from '../../lib/staff/staff-navigation';
import { EndSessionDialog } from './end-session-dialog';
import { ObservedStudentTile } from './observed-student-tile';
import { useObserveClient } from './use-observe-client';
import './observe.css';

export interface ObserveViewProps {
  sessionId: string;
  /** "Priya mentoring Sam, 09:00–09:30", from the sessions list when it has the session. */
  heading: string;
  onClose: () => void;
}

/**
 * Watching a live session: both students side by side with sound, and a
 * reminder that never goes away that they can see you are here. Staff can't
 * speak, show themselves or write; stopping tells the server at once.
 * Loaded only when opened: it carries the WebRTC code.
 */
export function ObserveView({ sessionId, heading, onClose }: ObserveViewProps) {
  const time = useSchoolTime();
  const { staff } = useStaffContext();
  const { setWatching } = useStaffNavigation();
  const { client, state } = useObserveClient(sessionId);
  const [stopping, setStopping] = useState(false);
  const [ending, setEnding] = useState(false);
  const endButtonRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const watching = state.phase !== 'ended';

  useEffect(() => {
    titleRef.current?.focus();
    // The page underneath must not scroll under a full-screen view.
    const previous = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = previous;
    };
  }, []);

  useEffect(() => {
    setWatching(watching);
    return () => setWatching(false);
  }, [watching, setWatching]);

  const stop = async () => {
    setStopping(true);
    await client?.stop();
    onClose();
  };

  const others = state.observers.filter((o) => o.observerId !== staff.id);

  return (
    <div className="observe" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="observe-view" data-phase={state.phase}>
      <header className="observe__bar">
        <div className="observe__heading">
          <h2 id={titleId} ref={titleRef} tabIndex={-1} className="observe__title">
            {watching ? 'Observing' : 'Observed'}: {heading}
          </h2>
          {/* Permanent, not dismissable: the students' banner names you for as long as you watch. */}
          <p className="observe__note" data-testid="observe-note">
            <EyeIcon size={24} />
            {watching ? 'The students can see that you are watching.' : 'You are no longer watching; the students no longer see your name.'}
          </p>
        </div>
        {watching ? (
          <div className="observe__actions">
            <Button variant="secondary" data-testid="observe-stop" onClick={() => void stop()} disabled={stopping}>
              {stopping ? 'Stopping…' : 'Stop observing'}
            </Button>
            {/* Ends it for everyone (the server checks who may): a separate, deliberate step with a reason. */}
            <Button ref={endButtonRef} variant="danger" data-testid="observe-end-session" onClick={() => setEnding(true)} disabled={stopping}>
              End this session
            </Button>
          </div>
        ) : (
          <Button variant="secondary" data-testid="observe-close" onClick={onClose}>
            Back to live sessions
          </Button>
        )}
      </header>

      {ending && watching ? (
        <EndSessionDialog
          sessionId={sessionId}
          // The server's session:ended push closes the watch; the view then says so.
          onEnded={() => setEnding(false)}
          onCancel={() => {
            setEnding(false);
            endButtonRef.current?.focus();
          }}
        />
      ) : null}

      {state.phase === 'joining' ? (
        <div className="observe__message" aria-busy="true">
          <CalmPulse tone="dark" />
          <p>Joining the session…</p>
        </div>
      ) : null}

      {state.phase === 'ended' ? (
        <div className="observe__message" role="status">
          <p className="observe__ended">{state.endMessage ?? 'You are no longer watching.'}</p>
        </div>
      ) : null}

      {state.phase === 'watching' ? (
        <>
          {state.notice ? (
            <p className="observe__notice" role="status">
              {state.notice}
            </p>
          ) : null}
          <div className={`observe__grid observe__grid--${Math.max(1, state.students.length)}`}>
            {state.students.map((student) => (
              <ObservedStudentTile key={student.peer.participantId} student={student} />
            ))}
            {state.students.length < 2 ? (
              <p className="observe__waiting">
                {state.students.length === 0 ? 'Nobody is in the call right now.' : 'The other student isn’t in the call right now.'}
              </p>
            ) : null}
          </div>
          <div className="observe__footer">
            <p className="observe__others">
              {others.length > 0
                ? `Also watching: ${listInWords(others.map(describeObserver))}.`
                : 'Nobody else from staff is watching.'}
            </p>
            {state.chat.length > 0 ? (
              <section className="observe__chat" aria-label="The students' chat">
                <h3 className="observe__chat-title">Chat</h3>
                <ol className="observe__chat-list">
                  {state.chat.map((entry) => (
                    <li key={entry.id}>
                      <span className="observe__chat-time">{time.time(entry.at)}</span>
                      <strong>{entry.firstName}:</strong> {entry.text}
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
          </div>
        </>
      ) : null}
    </div>
  );
}
