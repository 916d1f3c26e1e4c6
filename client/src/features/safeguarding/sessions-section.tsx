import type { StaffSessionStatus } from '@peerbridge/shared';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Chip, type ChipTone } from '../../ui/chip';
import { Notice } from '../../ui/notice';
import { useSchoolTime, useStaffContext } from '../../lib/staff/staff-context';
import { defaultSessionRange, type DateRange } from '../../lib/school-time';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { TextField } from '../../ui/field';
import { Button } from '../../ui/button';
import { canRaiseConcerns, canReadSessionLogs, sectionTitle } from '../../lib/staff/staff-sections';
import { RaiseConcern } from './raise-concern-form';
import { SessionDetailPanel } from './session-detail-panel';
import { describeStudent, filterSessions, hiddenCancelled, rangeProblem, studentName } from './session-filters';
import type { StaffSessionSummary } from './session-log-api';
import { useStaffSessions } from './safeguarding-queries';
import { SessionLogPanel } from './session-log-panel';
import './safeguarding.css';
import { now } from '../../lib/clock';

/** A past session that no student joined did not happen: it never reads "Finished". */
const statusChips: Record<StaffSessionStatus, { tone: ChipTone; words: string }> = {
  open: { tone: 'open', words: 'Open now' },
  upcoming: { tone: 'upcoming', words: 'Upcoming' },
  ended: { tone: 'ended', words: 'Finished' },
  not_held: { tone: 'cancelled', words: 'Not held' },
  cancelled: { tone: 'cancelled', words: 'Cancelled' },
};

/**
 * Sessions involving the school's students. Safeguarding leads open each
 * one's log; everyone who may raise a concern (coordinators, supervisors,
 * leads) raises it from here.
 */
export interface SessionsSectionProps {
  /** The session the address names (`/staff/sessions/:sessionId`), e.g. from an alert or a concern. */
  sessionId: string | null;
  /** A session opened or closed here: the address follows. */
  onSelect: (sessionId: string | null) => void;
}

export function SessionsSection({ sessionId, onSelect }: SessionsSectionProps) {
  const time = useSchoolTime();
  const id = useId();
  const { staff } = useStaffContext();
  const readsLogs = canReadSessionLogs(staff.roles);
  const raises = canRaiseConcerns(staff.roles);
  const [missingFocus, setMissingFocus] = useState(false);
  const [range, setRange] = useState<DateRange>(() => defaultSessionRange(now(), time));
  const [nameFilter, setNameFilter] = useState('');
  const [flaggedOnly, setFlaggedOnly] = useState(false);
  const [showCancelled, setShowCancelled] = useState(false);
  // The open session is the address's: tapping a row changes the address, and so does the back button.
  const selectedId = sessionId;
  const tapped = useRef(false);
  const setSelectedId = (id: string | null) => {
    tapped.current = true;
    onSelect(id);
  };
  const panelRef = useRef<HTMLDivElement>(null);
  const problem = rangeProblem(range);

  // An impossible range is explained next to the dates; there is nothing to ask the server.
  const sessions = useStaffSessions(range, problem === null);
  const shown = useMemo(
    () => filterSessions(sessions.data ?? [], nameFilter, { flaggedOnly, showCancelled }),
    [sessions.data, nameFilter, flaggedOnly, showCancelled],
  );
  const cancelledHidden = hiddenCancelled(sessions.data ?? [], nameFilter, { flaggedOnly, showCancelled });
  const today = time.dateAt(now());
  const showToday = () => setRange({ from: today, to: today });
  const selected = sessions.data?.find((session) => session.id === selectedId) ?? null;

  // A session named by the address (an alert, a concern, a link) is opened at the top of the page,
  // with the filters cleared so its row shows. Alerts are about sessions happening now, which the
  // default dates include; one outside the dates shown is said, and opened once the dates include it.
  // One tapped in the list is only brought into view.
  const loadedSessions = sessions.data;
  const pending = useRef<string | null>(null);
  const scrollBlock = useRef<ScrollLogicalPosition>('start');
  useEffect(() => {
    const fromTap = tapped.current;
    tapped.current = false;
    scrollBlock.current = fromTap ? 'nearest' : 'start';
    pending.current = fromTap ? null : sessionId;
    if (sessionId === null) setMissingFocus(false);
  }, [sessionId]);
  useEffect(() => {
    if (!sessionId || pending.current !== sessionId || !loadedSessions) return;
    const found = loadedSessions.some((session) => session.id === sessionId);
    setMissingFocus(!found);
    if (!found) return;
    pending.current = null;
    setNameFilter('');
    setFlaggedOnly(false);
    setShowCancelled(true);
  }, [sessionId, loadedSessions]);
  const shownId = selected?.id ?? null;
  useEffect(() => {
    // Stacked layout (portrait iPad): the log opens below the list, so bring it into view.
    if (shownId) panelRef.current?.scrollIntoView?.({ behavior: 'smooth', block: scrollBlock.current });
  }, [shownId]);

  return (
    <StaffSection
      id="staff-sessions"
      title={sectionTitle('sessions', staff.roles)}
      testId="sessions-section"
    >
      <div className="session-filters">
        <TextField
          label="From"
          fieldClassName="session-filters__field"
          describedBy={problem ? `${id}-range` : undefined}
          invalid={problem !== null}
          type="date"
          data-testid="sessions-from"
          value={range.from}
          onChange={(event) => setRange((r) => ({ ...r, from: event.target.value }))}
        />
        <TextField
          label="To"
          fieldClassName="session-filters__field"
          describedBy={problem ? `${id}-range` : undefined}
          invalid={problem !== null}
          type="date"
          data-testid="sessions-to"
          value={range.to}
          onChange={(event) => setRange((r) => ({ ...r, to: event.target.value }))}
        />
        <Button
          variant="secondary"
          className="session-filters__today"
          data-testid="sessions-today"
          aria-pressed={range.from === today && range.to === today}
          onClick={showToday}
        >
          Today
        </Button>
        <TextField
          label="Student name"
          fieldClassName="session-filters__field session-filters__field--grow"
          describedBy={`${id}-count`}
          type="search"
          data-testid="sessions-name-filter"
          placeholder="First name or surname"
          autoComplete="off"
          value={nameFilter}
          onChange={(event) => setNameFilter(event.target.value)}
        />
        <label className="session-filters__field session-filters__check">
          <input
            type="checkbox"
            data-testid="sessions-flagged-filter"
            checked={flaggedOnly}
            onChange={(event) => setFlaggedOnly(event.target.checked)}
          />
          <span>Flagged only (a concern, or chat on the safeguarding list)</span>
        </label>
        <label className="session-filters__field session-filters__check">
          <input
            type="checkbox"
            data-testid="sessions-cancelled-filter"
            checked={showCancelled}
            onChange={(event) => setShowCancelled(event.target.checked)}
          />
          <span>Show cancelled sessions</span>
        </label>
      </div>
      {problem ? (
        <p id={`${id}-range`} className="pb-field__error">
          {problem}
        </p>
      ) : null}
      {missingFocus ? (
        <Notice tone="info">That session isn’t between the dates shown. Change the dates to find it.</Notice>
      ) : null}

      <LoadState
        loading={sessions.loading}
        error={sessions.error}
        hasData={sessions.data !== null}
        onRetry={() => void sessions.refresh()}
        what="sessions"
      />

      <div className={`sessions-layout ${selected ? 'sessions-layout--with-log' : ''}`}>
        <div>
          {sessions.data && !problem ? (
            <p id={`${id}-count`} className="staff-muted" role="status">
              {countWords(shown.length, sessions.data.length, nameFilter, cancelledHidden)}
            </p>
          ) : null}
          {shown.length > 0 && !problem ? (
            <ul className="staff-list" aria-label="Sessions">
              {shown.map((session) => (
                <li key={session.id}>
                  <SessionRow
                    session={session}
                    compact={selected !== null}
                    selected={session.id === selectedId}
                    onSelect={() => setSelectedId(session.id === selectedId ? null : session.id)}
                  />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        {selected ? (
          <div ref={panelRef} className="sessions-layout__log">
            {readsLogs ? (
              <SessionLogPanel
                key={selected.id}
                session={selected}
                onClose={() => setSelectedId(null)}
                actions={raises ? <RaiseConcern key={selected.id} session={selected} /> : null}
              />
            ) : (
              <SessionDetailPanel key={selected.id} session={selected} onClose={() => setSelectedId(null)}>
                {raises ? <RaiseConcern session={selected} /> : null}
              </SessionDetailPanel>
            )}
          </div>
        ) : null}
      </div>
    </StaffSection>
  );
}

function SessionRow({
  session,
  compact,
  selected,
  onSelect,
}: {
  session: StaffSessionSummary;
  /** Beside an open log (whose header gives years and schools): names only, so a row stays on two lines. */
  compact: boolean;
  selected: boolean;
  onSelect: () => void;
}) {
  const time = useSchoolTime();
  const describe = compact ? studentName : describeStudent;
  return (
    <button
      type="button"
      className={`session-row ${selected ? 'session-row--selected' : ''}`}
      data-testid="session-row"
      data-session-id={session.id}
      data-status={session.status}
      aria-pressed={selected}
      onClick={onSelect}
    >
      <span className="session-row__who">
        <strong>{describe(session.mentor)}</strong> <span className="staff-muted">mentoring</span> {describe(session.mentee)}
      </span>
      <span className="session-row__when">
        {time.date(session.startsAt)}, {time.time(session.startsAt)}–{time.time(session.endsAt)}
      </span>
      <span className="session-row__side">
        <Chip tone={statusChips[session.status].tone}>{statusChips[session.status].words}</Chip>
        {session.flagged ? <Chip tone="cancelled">Flagged</Chip> : null}
        <span className="staff-muted">
          {session.eventCount} log {session.eventCount === 1 ? 'entry' : 'entries'}
        </span>
      </span>
    </button>
  );
}

/** "3 sessions (1 cancelled, hidden)", or how many match the name typed. */
function countWords(shown: number, all: number, nameFilter: string, cancelledHidden: number): string {
  const hidden = cancelledHidden > 0 ? ` (${cancelledHidden} cancelled, hidden)` : '';
  const name = nameFilter.trim();
  if (name) return `${shown} of ${all} sessions match “${name}”${hidden}`;
  return `${shown} ${shown === 1 ? 'session' : 'sessions'}${hidden}`;
}
