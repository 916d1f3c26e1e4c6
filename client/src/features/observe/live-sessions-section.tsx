import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../ui/button';
import { CalmPulse } from '../../ui/calm-pulse';
import { EyeIcon } from '../../ui/icons';
import { describeStudent } from '../safeguarding/session-filters';
import { fetchStaffSessions, type StaffSessionSummary } from '../safeguarding/session-log-api';
import { LoadState, RefreshButton, StaffSection } from '../../ui/staff-section';
import { usePolling } from '../../lib/staff/use-polling';
import { useStaffResource } from '../../lib/staff/use-staff-resource';
import { fetchLiveSessions } from './live-sessions-api';
import { describeLiveCounts, joinLiveSessions, unknownSessionIds, type LiveSessionRow } from './live-sessions';
import './live-sessions.css';
import { now } from '../../lib/clock';
import { useSchoolTime } from '../../lib/staff/staff-context';

// The watch view carries mediasoup-client: only staff who actually observe download it.
const ObserveView = lazy(() => import('./observe-view').then((m) => ({ default: m.ObserveView })));

/** Often enough that a session someone just joined shows up before anyone wonders where it is. */
const POLL_MS = 10_000;

/** Safeguarding leads and supervisors: the sessions happening now, and a way to watch one. */
export function LiveSessionsSection() {
  const time = useSchoolTime();
  const live = useStaffResource(useCallback((signal: AbortSignal, use: { background: boolean }) => fetchLiveSessions(signal, use.background), []));
  const sessions = useStaffResource(
    useCallback((signal: AbortSignal) => {
      // Live sessions are today's; names and times come from the ordinary sessions list.
      const today = time.dateAt(now());
      return fetchStaffSessions({ from: today, to: today }, signal);
    }, []),
  );
  const [watching, setWatching] = useState<LiveSessionRow | null>(null);

  // Paused while watching: the watch view has the live picture already.
  usePolling(() => void live.reload({ quiet: true }), POLL_MS, watching === null);

  // A session that went live after midnight's list (or was added today) needs the list again, once.
  const asked = useRef(new Set<string>());
  const reloadSessions = sessions.reload;
  useEffect(() => {
    if (!live.data || !sessions.data) return;
    const unknown = unknownSessionIds(live.data, sessions.data).filter((id) => !asked.current.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) asked.current.add(id);
    void reloadSessions({ quiet: true });
  }, [live.data, sessions.data, reloadSessions]);

  const rows = useMemo(() => joinLiveSessions(live.data ?? [], sessions.data ?? []), [live.data, sessions.data]);

  return (
    <StaffSection
      id="staff-live"
      title="Live sessions"
      testId="live-sessions-section"
      actions={<RefreshButton onClick={() => void live.reload()} loading={live.loading} />}
    >
      <p className="staff-muted">
        Sessions happening now with a student in the call. When you observe, both students see your name and school for as
        long as you watch.
      </p>
      <LoadState
        loading={live.loading}
        error={live.error}
        hasData={live.data !== null}
        onRetry={() => void live.reload()}
        what="live sessions"
      />
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
              <Button data-testid="observe-button" onClick={() => setWatching(row)} disabled={watching !== null}>
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
              setWatching(null);
              void live.reload({ quiet: true });
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
