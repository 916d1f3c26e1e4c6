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
 * One child's chronology: every entry of every concern about them, oldest
 * first, in the same words as the concern's export. Reading it is recorded by
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
      <p className="staff-muted">Everything recorded about {childName}, oldest first. Opening it is recorded, with your name and the time.</p>
      {stepUp ? (
        <StepUpForm need={stepUp} onDone={() => void loaded.refresh()} />
      ) : (
        <LoadState loading={loaded.loading} error={loaded.error} hasData={entries !== null} onRetry={() => void loaded.refresh()} what="chronology" />
      )}
      {entries && entries.length === 0 ? <p className="staff-muted">Nothing has been recorded about {childName}.</p> : null}
      {entries && entries.length > 0 ? (
        <ol className="log-timeline">
          {entries.map((entry) => (
            <li key={`${entry.concernId}-${entry.seq}`} className="log-entry" data-testid="chronology-entry" data-kind={entry.kind}>
              <span className="log-entry__time">
                <time dateTime={entry.at}>{time.dateTime(entry.at)}</time>
              </span>
              <span className="log-entry__body">
                <span className="log-entry__text">{entry.summary}</span>
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
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
