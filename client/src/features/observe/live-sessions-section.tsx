import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { CalmPulse } from '../../ui/calm-pulse';
import { EyeIcon } from '../../ui/icons';
import { describeStudent } from '../safeguarding/session-filters';
import type { StaffSessionSummary } from '../safeguarding/session-log-api';
import { safeguardingKeys, useStaffSessions } from '../safeguarding/safeguarding-queries';
import { LoadState, StaffSection } from '../../ui/staff-section';
import { useInvalidate } from '../../lib/staff/staff-query';
import { describeLiveCounts, joinLiveSessions, unknownSessionIds, type LiveSessionRow } from './live-sessions';
import { observeKeys, useLiveSessions } from './observe-queries';
import './live-sessions.css';
import { now } from '../../lib/clock';
import { useSchoolTime } from '../../lib/staff/staff-context';

// The watch view carries mediasoup-client: only staff who actually observe download it.
const ObserveView = lazy(() => import('./observe-view').then((m) => ({ default: m.ObserveView })));

export interface LiveSessionsSectionProps {
  /** The session the address says to watch (`/staff/observe/:sessionId`), e.g. an alert's "Observe now". */
  observeSessionId: string | null;
  onObserve: (sessionId: string) => void;
  onStopWatching: () => void;
}

/** Safeguarding leads and supervisors: the sessions happening now, and a way to watch one. */
export function LiveSessionsSection({ observeSessionId, onObserve, onStopWatching }: LiveSessionsSectionProps) {
  const time = useSchoolTime();
  const invalidate = useInvalidate();
  // Paused while watching: the watch view has the live picture already.
  const live = useLiveSessions(observeSessionId === null);
  // Live sessions are today's; names and times come from the ordinary sessions list (the same cache as the Sessions section).
  const [today] = useState(() => time.dateAt(now()));
  const todayRange = useMemo(() => ({ from: today, to: today }), [today]);
  const sessions = useStaffSessions(todayRange);

  // A session that went live after the list was fetched (or was added today) needs the list again, once.
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (!live.data || !sessions.data) return;
    const unknown = unknownSessionIds(live.data, sessions.data).filter((id) => !asked.current.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) asked.current.add(id);
    void invalidate(safeguardingKeys.sessions(todayRange));
  }, [live.data, sessions.data, invalidate, todayRange]);

  const rows = useMemo(() => joinLiveSessions(live.data ?? [], sessions.data ?? []), [live.data, sessions.data]);

  // Watching is the address's. It starts once the session is listed (asking for the list again, once,
  // if the alert came before it did); a session that is not live even then is said, not watched. Once
  // watching, the view stays until stopped, whatever the list says meanwhile.
  const listed = observeSessionId ? (rows.find((r) => r.sessionId === observeSessionId) ?? null) : null;
  const [watched, setWatched] = useState<LiveSessionRow | null>(null);
  useEffect(() => {
    if (listed && watched?.sessionId !== listed.sessionId) setWatched(listed);
  }, [listed, watched]);
  const watching = watched && watched.sessionId === observeSessionId ? watched : null;

  const askedAgain = useRef<string | null>(null);
  const [checkedFor, setCheckedFor] = useState<string | null>(null);
  const liveLoaded = live.data !== null;
  useEffect(() => {
    if (!observeSessionId || listed || !liveLoaded || askedAgain.current === observeSessionId) return;
    askedAgain.current = observeSessionId;
    void invalidate(observeKeys.live()).finally(() => setCheckedFor(observeSessionId));
  }, [observeSessionId, listed, liveLoaded, invalidate]);
  const notLive = observeSessionId !== null && !watching && !listed && checkedFor === observeSessionId;

  return (
    <StaffSection
      id="staff-live"
      title="Live sessions"
      testId="live-sessions-section"
    >
      <p className="staff-muted">
        Sessions happening now with a student in the call. When you observe, both students see your name and school for as
        long as you watch.
      </p>
      <LoadState
        loading={live.loading}
        error={live.error}
        hasData={live.data !== null}
        onRetry={() => void live.refresh()}
        what="live sessions"
      />
      {notLive ? (
        <Notice tone="info" data-testid="observe-not-live">
          That session isn’t happening now, so there is nothing to watch.
        </Notice>
      ) : null}
      {live.data && rows.length === 0 ? <p className="staff-muted">No sessions are happening right now.</p> : null}
      {rows.length > 0 ? (
        <ul className="staff-list" aria-label="Live sessions">
          {rows.map((row) => (
            <li key={row.sessionId} className="staff-row live-row" data-testid="live-session-row" data-session-id={row.sessionId}>
              <div className="staff-row__main">
                <span className="staff-row__title">{liveTitle(row.session)}</span>
                {row.session ? (
                  <span className="staff-muted">
                    {time.time(row.session.startsAt)}–{time.time(row.session.endsAt)}
                  </span>
                ) : null}
                <span>{describeLiveCounts(row)}</span>
              </div>
              <Button data-testid="observe-button" onClick={() => onObserve(row.sessionId)} disabled={watching !== null}>
                <EyeIcon size={22} />
                Observe
              </Button>
            </li>
          ))}
        </ul>
      ) : null}

      {watching ? (
        <Suspense fallback={<WatchLoading />}>
          <ObserveView
            sessionId={watching.sessionId}
            heading={liveTitle(watching.session)}
            onClose={() => {
              onStopWatching();
              void invalidate(observeKeys.live());
            }}
          />
        </Suspense>
      ) : null}
    </StaffSection>
  );
}

function liveTitle(session: StaffSessionSummary | null): string {
  if (!session) return 'A session at your school';
  return `${describeStudent(session.mentor)} mentoring ${describeStudent(session.mentee)}`;
}

function WatchLoading() {
  return (
    <div className="observe observe--loading" aria-busy="true">
      <CalmPulse tone="dark" />
    </div>
  );
}
