import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from '../../ui/button';
import { useSchoolTime, useStaffContext } from '../../lib/staff/staff-context';
import { useStaffNavigation } from '../../lib/staff/staff-navigation';
import { LoadState } from '../../ui/staff-section';
import { stepUpNeeded } from '../second-factor/step-up';
import { StepUpForm } from '../second-factor/step-up-form';
import { ConcernAmendForm } from './concern-amend-form';
import { ConcernViews } from './log-views';
import { ChildChronology } from './child-chronology';
import { amendmentAuthor, describeAmendment, raisingChild } from './concern-amendments';
import { describeConcernChildren, describeExcerptEntry, namesInExcerpt, relatedConcerns, statusWords } from './concern-queue';
import { concernExportUrl, type ConcernRecord, type ConcernSummary } from './concerns-api';
import { safeguardingKeys, useConcern } from './safeguarding-queries';
import { useInvalidate } from '../../lib/staff/staff-query';

export interface ConcernDetailProps {
  concernId: string;
  /** The queue, to find other reports from the same session. */
  queue: readonly ConcernSummary[];
  onClose: () => void;
  onOpenConcern: (concernId: string) => void;
}

/**
 * One concern as a DSL's record needs it: what happened (the child's own
 * words, verbatim and marked as theirs), when, who was present, what the
 * session log showed, and every entry since, in order and never editable.
 */
export function ConcernDetail({ concernId, queue, onClose, onOpenConcern }: ConcernDetailProps) {
  const time = useSchoolTime();
  const { staff } = useStaffContext();
  const { openSessionLog } = useStaffNavigation();
  const loaded = useConcern(concernId);
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const concern = loaded.data;
  const ownSchoolId = staff.school?.id ?? null;
  // The server wants the second factor before it shows the record: ask for the code here, then load it again.
  const stepUp = stepUpNeeded(loaded.error);

  return (
    <article className="session-log concern-detail" data-testid="concern-detail" data-concern-id={concernId} aria-label="Concern">
      <header className="session-log__header">
        <div>
          <h3 className="session-log__title">
            Concern raised {concern ? time.dateTime(concern.raisedAt) : ''}
          </h3>
          {concern ? (
            <p className="staff-muted">
              About {describeConcernChildren(concern.children, ownSchoolId)} ·{' '}
              <span className={`concern-status concern-status--${concern.status}`} data-testid="concern-status">
                {statusWords[concern.status]}
              </span>
            </p>
          ) : null}
        </div>
        <Button variant="quiet" onClick={onClose}>
          Close
        </Button>
      </header>
      <p className="staff-muted session-log__note">Opening a concern is recorded, with your name and the time.</p>

      {stepUp ? (
        <StepUpForm need={stepUp} onDone={() => void loaded.refresh()} />
      ) : (
        <LoadState
          loading={loaded.loading}
          error={loaded.error}
          hasData={concern !== null}
          onRetry={() => void loaded.refresh()}
          what="concern"
        />
      )}

      {concern ? (
        <>
          <WhatHappened concern={concern} myStaffId={staff.id} />

          <Related
            concerns={relatedConcerns(queue, concern.id, concern.sessionId)}
            onOpen={onOpenConcern}
          />

          <section className="concern-block" aria-label="Who was present">
            <h4 className="concern-block__title">Who was present</h4>
            {concern.presentAtTime.length > 0 ? (
              <ul className="concern-list">
                {concern.presentAtTime.map((who, i) => (
                  <li key={`${who}-${i}`}>{who}</li>
                ))}
              </ul>
            ) : (
              <p className="staff-muted">Not recorded.</p>
            )}
          </section>

          <section className="concern-block" aria-label="From the session log">
            <h4 className="concern-block__title">From the session log</h4>
            <LogExcerpt concern={concern} />
            {concern.sessionId ? (
              <Button variant="secondary" onClick={() => openSessionLog(concern.sessionId!)}>
                Open the full session log
              </Button>
            ) : null}
          </section>

          {concern.closing ? (
            <section className="concern-block concern-block--closed" aria-label="Closing summary">
              <h4 className="concern-block__title">Closed</h4>
              <dl className="concern-facts">
                <dt>Summary</dt>
                <dd>{concern.closing.summary}</dd>
                <dt>Actions taken</dt>
                <dd>{concern.closing.actionsTaken}</dd>
                <dt>Outcome</dt>
                <dd>{concern.closing.outcome}</dd>
              </dl>
            </section>
          ) : null}

          <History concern={concern} myStaffId={staff.id} />

          <Chronologies concern={concern} ownSchoolId={ownSchoolId} onOpenConcern={onOpenConcern} />

          <ConcernAmendForm
            concern={concern}
            onAmended={(updated) => {
              // The server answers with the record as it now stands: show that, without reading it (and being recorded) again.
              client.setQueryData<ConcernRecord>(safeguardingKeys.concern(concernId), updated);
              // The queue may need to move it to another group.
              void invalidate(safeguardingKeys.concernQueue(), safeguardingKeys.concernViews(concernId));
            }}
          />

          <ConcernViews concernId={concern.id} />

          <section className="concern-block concern-exports" aria-label="Export">
            <h4 className="concern-block__title">Export for your school’s records</h4>
            <p className="staff-muted">For CPOMS, MyConcern or a paper file. Children at the partner school appear by first name only.</p>
            <div className="staff-inline-form__row">
              <a
                className="pb-button pb-button--secondary"
                href={concernExportUrl(concern.id, 'csv')}
                download
                data-testid="concern-export-csv"
              >
                Download CSV
              </a>
              <a
                className="pb-button pb-button--secondary"
                href={concernExportUrl(concern.id, 'json')}
                download
                data-testid="concern-export-json"
              >
                Download JSON
              </a>
              <Button variant="secondary" onClick={() => window.print()} data-testid="concern-print">
                Print
              </Button>
            </div>
          </section>
        </>
      ) : null}
    </article>
  );
}

function WhatHappened({ concern, myStaffId }: { concern: ConcernRecord; myStaffId: string }) {
  const child = raisingChild(concern);
  if (concern.source.kind === 'student') {
    const name = child?.firstName ?? 'The student';
    return (
      <section className="concern-block concern-words" data-testid="concern-words" data-source="student" aria-label="What happened">
        <h4 className="concern-block__title">
          {concern.whatHappened ? `In ${name}’s own words` : 'What happened'}
        </h4>
        {concern.whatHappened ? (
          <>
            <blockquote className="concern-words__quote">{concern.whatHappened}</blockquote>
            <p className="staff-muted concern-words__note">Exactly as {name} typed it, during the session.</p>
          </>
        ) : (
          <p>
            {name} pressed “I’m worried” during the session without adding words. If they added some afterwards, that
            arrives as a separate concern from the same session (listed below).
          </p>
        )}
      </section>
    );
  }
  const by = amendmentAuthor({ byStaffId: concern.source.staffId, byStudentId: null, byName: concern.amendments[0]?.byName }, { children: concern.children, myStaffId });
  return (
    <section className="concern-block concern-words" data-testid="concern-words" data-source="staff" aria-label="What happened">
      <h4 className="concern-block__title">What happened, as described by staff ({by})</h4>
      <p className="concern-words__staff">{concern.whatHappened ?? 'No description was given.'}</p>
    </section>
  );
}

/** The log's last entries when the concern was raised, in the full log's words and names. */
function LogExcerpt({ concern }: { concern: ConcernRecord }) {
  const time = useSchoolTime();
  if (concern.logExcerpt.length === 0) return <p className="staff-muted">Nothing was logged before the concern was raised.</p>;
  const names = namesInExcerpt(concern);
  return (
    <ol className="concern-list concern-list--log" data-testid="concern-log-excerpt">
      {concern.logExcerpt.map((entry, i) => (
        <li key={`${entry.at}-${i}`} data-testid="concern-log-excerpt-entry">
          <time dateTime={entry.at} className="concern-list__time">
            {time.timeWithSeconds(entry.at)}
          </time>
          {describeExcerptEntry(entry, names)}
        </li>
      ))}
    </ol>
  );
}

/** A chronology for each of the reader's own school's children in the concern (the other school keeps its own). */
function Chronologies({ concern, ownSchoolId, onOpenConcern }: { concern: ConcernRecord; ownSchoolId: string | null; onOpenConcern: (id: string) => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const own = concern.children.filter((c) => c.schoolId === ownSchoolId);
  if (own.length === 0) return null;
  const shown = own.find((c) => c.studentId === open);
  return (
    <section className="concern-block concern-chronologies" aria-label="Chronologies">
      <div className="staff-inline-form__row">
        {own.map((child) => (
          <Button key={child.studentId} variant="secondary" onClick={() => setOpen(child.studentId)} data-testid="open-chronology">
            {child.firstName}’s chronology
          </Button>
        ))}
      </div>
      {shown ? (
        <ChildChronology
          studentId={shown.studentId}
          childName={[shown.firstName, shown.lastName].filter(Boolean).join(' ')}
          onClose={() => setOpen(null)}
          onOpenConcern={onOpenConcern}
        />
      ) : null}
    </section>
  );
}

function Related({ concerns, onOpen }: { concerns: readonly ConcernSummary[]; onOpen: (id: string) => void }) {
  const time = useSchoolTime();
  if (concerns.length === 0) return null;
  return (
    <section className="concern-block" aria-label="Other concerns from this session">
      <h4 className="concern-block__title">Also raised in this session</h4>
      <ul className="concern-list concern-list--plain">
        {concerns.map((c) => (
          <li key={c.id}>
            <Button variant="quiet" onClick={() => onOpen(c.id)}>
              {time.dateTime(c.raisedAt)} · {statusWords[c.status]}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ concern, myStaffId }: { concern: ConcernRecord; myStaffId: string }) {
  const time = useSchoolTime();
  const context = { children: concern.children, myStaffId };
  const entries = [...concern.amendments].sort((a, b) => a.seq - b.seq);
  return (
    <section className="concern-block" data-testid="concern-history" aria-label="Record">
      <h4 className="concern-block__title">Record</h4>
      <p className="staff-muted">Entries are never changed or removed; anything new is added at the end.</p>
      <ol className="log-timeline concern-history">
        {entries.map((amendment) => {
          const words = describeAmendment(amendment, context);
          return (
            <li key={amendment.seq} className="log-entry" data-testid="concern-history-entry" data-kind={amendment.kind} data-seq={amendment.seq}>
              <span className="log-entry__time">
                <time dateTime={amendment.at}>{time.dateTime(amendment.at)}</time>
                <span className="log-entry__seq">#{amendment.seq}</span>
              </span>
              <span className="log-entry__body">
                <span className="log-entry__text">
                  <strong>{words.title}</strong> · {words.who}
                </span>
                {words.quote ? <q className="log-entry__quote">{words.quote}</q> : null}
                {words.lines.map((line) => (
                  <span key={line.label} className="concern-history__line">
                    <span className="concern-history__label">{line.label}:</span> {line.value}
                  </span>
                ))}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
