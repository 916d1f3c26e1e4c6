import { useEffect, useMemo, useRef } from 'react';
import { useSchoolTime, useStaffContext } from '../../lib/staff/staff-context';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { ConcernDetail } from './concern-detail';
import { describeConcernChildren, groupConcerns, statusWords } from './concern-queue';
import type { ConcernSummary } from './concerns-api';
import { useConcernQueue } from './safeguarding-queries';
import './concerns.css';
import './safeguarding.css';

export interface ConcernsSectionProps {
  /** The record the address names (`/staff/concerns/:concernId`), e.g. from an alert. */
  concernId: string | null;
  /** A record opened or closed here: the address follows. */
  onSelect: (concernId: string | null) => void;
}

/** Safeguarding leads: concerns about their school's children, new first, and each one's record. */
export function ConcernsSection({ concernId, onSelect }: ConcernsSectionProps) {
  const { staff } = useStaffContext();
  // Polled, and refetched whenever an alert arrives or a concern is raised elsewhere on this page.
  const concerns = useConcernQueue();
  // The open record is the address's: tapping a row changes the address, and so does the back button.
  const selectedId = concernId;
  const tapped = useRef(false);
  const setSelectedId = (id: string | null) => {
    tapped.current = true;
    onSelect(id);
  };
  const panelRef = useRef<HTMLDivElement>(null);
  const groups = useMemo(() => groupConcerns(concerns.data ?? []), [concerns.data]);

  // A record opened from an alert or a link is brought to the top; one tapped in the queue only into view.
  useEffect(() => {
    if (selectedId) panelRef.current?.scrollIntoView?.({ behavior: 'smooth', block: tapped.current ? 'nearest' : 'start' });
    tapped.current = false;
  }, [selectedId]);

  return (
    <StaffSection
      id="staff-concerns"
      title="Concerns"
      testId="concerns-section"
    >
      <LoadState
        loading={concerns.loading}
        error={concerns.error}
        hasData={concerns.data !== null}
        onRetry={() => void concerns.refresh()}
        what="concerns"
      />
      {concerns.data && concerns.data.length === 0 ? (
        <p className="staff-muted">No concerns have been raised about your school’s students.</p>
      ) : null}

      <div className={`sessions-layout ${selectedId ? 'sessions-layout--with-log' : ''}`}>
        <div className="concern-queue">
          {groups.map((group) => (
            <section key={group.status} className="concern-group" aria-label={statusWords[group.status]}>
              <h3 className="concern-group__title">
                {statusWords[group.status]} <span className="staff-muted">({group.concerns.length})</span>
              </h3>
              <ul className="staff-list">
                {group.concerns.map((concern) => (
                  <li key={concern.id}>
                    <ConcernRow
                      concern={concern}
                      ownSchoolId={staff.school?.id ?? null}
                      selected={concern.id === selectedId}
                      onSelect={() => setSelectedId(concern.id === selectedId ? null : concern.id)}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        {selectedId ? (
          <div ref={panelRef} className="sessions-layout__log">
            <ConcernDetail
              key={selectedId}
              concernId={selectedId}
              queue={concerns.data ?? []}
              onClose={() => setSelectedId(null)}
              onOpenConcern={setSelectedId}
            />
          </div>
        ) : null}
      </div>
    </StaffSection>
  );
}

function ConcernRow({
  concern,
  ownSchoolId,
  selected,
  onSelect,
}: {
  concern: ConcernSummary;
  ownSchoolId: string | null;
  selected: boolean;
  onSelect: () => void;
}) {
  const time = useSchoolTime();
  return (
    <button
      type="button"
      className={`session-row concern-row concern-row--${concern.status} ${selected ? 'session-row--selected' : ''}`}
      data-testid="concern-row"
      data-concern-id={concern.id}
      data-status={concern.status}
      aria-pressed={selected}
      onClick={onSelect}
    >
      <span className="session-row__who">
        <strong>{describeConcernChildren(concern.children, ownSchoolId)}</strong>
      </span>
      <span className="session-row__when">
        Raised {time.dateTime(concern.raisedAt)} · {concern.sessionId ? 'about a session' : 'not linked to a session'}
      </span>
      <span className="session-row__side">
        <span className={`concern-status concern-status--${concern.status}`}>{statusWords[concern.status]}</span>
      </span>
    </button>
  );
}
