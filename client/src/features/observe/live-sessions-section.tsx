import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from '../../ui/button';
import { CalmPulse } from '../../ui/calm-pulse';
import { EyeIcon } from '../../ui/icons';
import { describeStudent } from '../safeguarding/session-filters';
import type { StaffSessionSummary } from '../safeguarding/session-log-api';
import { safeguardingKeys, useStaffSessions } from '../safeguarding/safeguarding-queries';
import { LoadState, RefreshButton, StaffSection } from '../../ui/staff-section';
import { useInvalidate } from '../../lib/staff/staff-query';
import { useStaffNavigation } from '../../lib/staff/staff-navigation';
import { describeLiveCounts, joinLiveSessions, unknownSessionIds, type LiveSessionRow } from './live-sessions';
import { observeKeys, useLiveSessions } from './observe-queries';
import './live-sessions.css';
import { now } from '../../lib/clock';
import { useSchoolTime } from '../../lib/staff/staff-context';

// The watch view carries mediasoup-client: only staff who actually observe download it.
const ObserveView = lazy(() => import('./observe-view').then((m) => ({ default: m.ObserveView })));

/** Safeguarding leads and supervisors: the sessions happening now, and a way to watch one. */
export function LiveSessionsSection() {
  const time = useSchoolTime();
  const invalidate = useInvalidate();
  const [watching, setWatching] = useState<LiveSessionRow | null>(null);
  // Paused while watching: the watch view has the live picture already.
  const live = useLiveSessions(watching === null);
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

  // "Observe now" from a live alert: bring this section into view and start watching that session once it is
  // listed (asking for the list again, once, if the alert came before it did). Each request is carried out once.
  const { focus } = useStaffNavigation();
  const handledObserve = useRef<number | null>(null);
  const refreshedFor = useRef<number | null>(null);
  useEffect(() => {
    if (focus?.kind !== 'observe' || handledObserve.current === focus.nonce) return;
    document.getElementById('staff-live')?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
    const row = rows.find((r) => r.sessionId === focus.sessionId);
    if (row) {
      handledObserve.current = focus.nonce;
      if (watching === null) setWatching(row);
    } else if (refreshedFor.current !== focus.nonce) {
      refreshedFor.current = focus.nonce;
      void invalidate(observeKeys.live());
    }
  }, [focus, rows, watching, invalidate]);

  return (
    <StaffSection
      id="staff-live"
      title="Live sessions"
      testId="live-sessions-section"
      actions={<RefreshButton onClick={() => void live.refresh()} loading={live.loading} />}
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
