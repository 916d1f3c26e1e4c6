import { useMemo, type ReactNode } from 'react';
import { Button } from '../../ui/button';
import { LoadState } from '../../ui/staff-section';
import { describeLogEntry, peopleInLog } from './log-entry-words';
import { LogVerify } from './log-verify';
import { LogViews } from './log-views';
import { describeStudent } from './session-filters';
import type { StaffSessionSummary } from './session-log-api';
import { useSessionLog } from './safeguarding-queries';
import { useSchoolTime } from '../../lib/staff/staff-context';

export interface SessionLogPanelProps {
  session: StaffSessionSummary;
  onClose: () => void;
  /** Things to do about this session (raising a concern), above the log. */
  actions?: ReactNode;
}

/** One session's log as a timeline, with the integrity check and the record of who has read it. */
export function SessionLogPanel({ session, onClose, actions }: SessionLogPanelProps) {
  const time = useSchoolTime();
  const log = useSessionLog(session.id);
  const entries = useMemo(() => [...(log.data ?? [])].sort((a, b) => a.seq - b.seq), [log.data]);
  const people = useMemo(() => peopleInLog(entries, session), [entries, session]);

  return (
    <article className="session-log" data-testid="session-log" aria-label="Session log">
      <header className="session-log__header">
        <div>
          <h3 className="session-log__title">Log for {time.date(session.startsAt)}</h3>
          <p className="staff-muted">
            {describeStudent(session.mentor)} mentoring {describeStudent(session.mentee)}
          </p>
        </div>
        <Button variant="quiet" onClick={onClose}>
          Close
        </Button>
      </header>

      <p className="staff-muted session-log__note">Opening a log is recorded, with your name and the time.</p>
      {actions}

      <LoadState
        loading={log.loading}
        error={log.error}
        hasData={log.data !== null}
        onRetry={() => void log.refresh()}
        what="log"
      />

      {log.data && entries.length === 0 ? (
        <p className="staff-muted">Nothing has been logged for this session: nobody has joined it.</p>
      ) : null}

      {entries.length > 0 ? (
        <ol className="log-timeline">
          {entries.map((entry) => {
            const words = describeLogEntry(entry, people);
            return (
              <li
                key={entry.seq}
                className={`log-entry ${words.attention ? 'log-entry--attention' : ''}`}
                data-testid="log-entry"
                data-type={entry.type}
                data-seq={entry.seq}
              >
                <span className="log-entry__time">
                  <time dateTime={entry.at}>{time.timeWithSeconds(entry.at)}</time>
                  <span className="log-entry__seq">#{entry.seq}</span>
                </span>
                <span className="log-entry__body">
                  <span className="log-entry__text">{words.text}</span>
                  {words.quote ? <q className="log-entry__quote">{words.quote}</q> : null}
                </span>
              </li>
            );
          })}
        </ol>
      ) : null}

      {log.data ? (
        <>
          <LogVerify sessionId={session.id} />
          <LogViews sessionId={session.id} />
        </>
      ) : null}
    </article>
  );
}
