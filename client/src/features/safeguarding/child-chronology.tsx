import type { ChronologyEntry } from '@peerbridge/shared';
import { Button } from '../../ui/button';
import { LoadState } from '../../ui/staff-section';
import { useSchoolTime } from '../../lib/staff/staff-context';
import { stepUpNeeded } from '../second-factor/step-up';
import { StepUpForm } from '../second-factor/step-up-form';
import { useChronology } from './safeguarding-queries';

export interface ChildChronologyProps {
  studentId: string;
  /** "Priya Shah": the child as the reader's school knows them. */
  childName: string;
  onClose: () => void;
  onOpenConcern?: (concernId: string) => void;
}

/**
 * One child's chronology, oldest first: every entry of every concern about
 * them (in the concern export's words), their sessions (held, missed, ended
 * early) and the flags in those sessions' logs (in the session log's words). Reading it is recorded by
 * the server, like opening a concern. A view any staff screen can mount.
 */
export function ChildChronology({ studentId, childName, onClose, onOpenConcern }: ChildChronologyProps) {
  const time = useSchoolTime();
  const loaded = useChronology(studentId);
  const stepUp = stepUpNeeded(loaded.error);
  const entries = loaded.data;

  return (
    <section className="concern-block child-chronology" data-testid="child-chronology" aria-label={`Chronology for ${childName}`}>
      <header className="session-log__header">
        <h4 className="concern-block__title">Chronology for {childName}</h4>
        <Button variant="quiet" onClick={onClose}>
          Close the chronology
        </Button>
      </header>
      <p className="staff-muted">Everything recorded about {childName}, oldest first: concerns, sessions, and chat flags from the session logs. Opening it is recorded, with your name and the time.</p>
      {stepUp ? (
        <StepUpForm need={stepUp} onDone={() => void loaded.refresh()} />
      ) : (
        <LoadState loading={loaded.loading} error={loaded.error} hasData={entries !== null} onRetry={() => void loaded.refresh()} what="chronology" />
      )}
      {entries && entries.length === 0 ? <p className="staff-muted">Nothing has been recorded about {childName}.</p> : null}
      {entries && entries.length > 0 ? (
        <ol className="log-timeline">
          {entries.map((entry, index) => (
            <ChronologyLine key={keyOf(entry, index)} entry={entry} at={time.dateTime(entry.at)} onOpenConcern={onOpenConcern} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

/** The small label each line starts with, so a reader can scan for concerns among sessions. */
const SOURCE_LABEL: Record<ChronologyEntry['source'], string> = { concern: 'Concern', session: 'Session', flag: 'Flag' };

function keyOf(entry: ChronologyEntry, index: number): string {
  if (entry.source === 'concern') return `concern-${entry.concernId}-${entry.seq}`;
  if (entry.source === 'session') return `session-${entry.sessionId}`;
  return `flag-${entry.sessionId}-${index}`;
}

function ChronologyLine({ entry, at, onOpenConcern }: { entry: ChronologyEntry; at: string; onOpenConcern?: (concernId: string) => void }) {
  const attention = entry.source === 'flag' || entry.kind === 'ended_early';
  return (
    <li className={`log-entry ${attention ? 'log-entry--attention' : ''}`} data-testid="chronology-entry" data-source={entry.source} data-kind={entry.kind}>
      <span className="log-entry__time">
        <time dateTime={entry.at}>{at}</time>
      </span>
      <span className="log-entry__body">
        <span className="chronology-label" data-testid="chronology-label">
          {SOURCE_LABEL[entry.source]}
        </span>
        <span className="log-entry__text">{entry.summary}</span>
        {entry.source === 'flag' && entry.quote ? <q className="log-entry__quote">{entry.quote}</q> : null}
        {entry.source === 'concern' ? (
          <>
            <span className="concern-history__line">
              <span className="concern-history__label">Recorded by:</span> {entry.byName}
            </span>
            <span className="concern-history__line">
              <span className="concern-history__label">{entry.kind === 'action' || entry.kind === 'closed' ? 'Action taken' : 'Status'}:</span>{' '}
              {entry.actionOrStatus}
            </span>
            {onOpenConcern && entry.kind === 'raised' ? (
              <Button variant="quiet" onClick={() => onOpenConcern(entry.concernId)}>
                Open this concern
              </Button>
            ) : null}
          </>
        ) : null}
      </span>
    </li>
  );
}
