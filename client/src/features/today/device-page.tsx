import type { DeviceSchool, TodaySession } from '@peerbridge/shared';
import { useEffect, useState } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { RejoinOffer } from './rejoin-offer';
import { SessionCard } from './session-card';
import { schoolTime } from '../../lib/school-time';
import { sortByStart } from './session-format';
import { useTodaySessions } from './use-today-sessions';
import './schedule.css';
import { now } from '../../lib/clock';
import { DeviceExitFlow } from '../exits/device-exit-flow';
import { DeviceExitsCard, type EndingStudent } from '../exits/device-exits-card';

export interface DevicePageProps {
  deviceToken: string;
  onOpenSession: (session: TodaySession, school: DeviceSchool) => void;
  /** Back into the call after a reload, without the PIN (the rejoin offer). */
  onRejoin: (session: TodaySession, school: DeviceSchool, joinToken: string) => void;
  /** A rejoin offer is on screen: the call is likely next. */
  onRejoinOffered?: () => void;
  onUnauthorized: (message: string) => void;
}

/** Today's date and the time now at the school (by the server's clock), so "Come back at 09:30" means something. */
function DeviceClock({ timeZone }: { timeZone: string }) {
  const [at, setAt] = useState(() => now());
  useEffect(() => {
    const timer = setInterval(() => setAt(now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  const time = schoolTime(timeZone);
  return (
    <p className="device-header__date" data-testid="device-clock">
      {time.longDate(at)} · <time dateTime={at.toISOString()}>{time.time(at.toISOString())}</time>
    </p>
  );
}

/** The iPad's home screen: today's sessions at this school. */
export function DevicePage({ deviceToken, onOpenSession, onRejoin, onRejoinOffered, onUnauthorized }: DevicePageProps) {
  const { data, error, loading, loadedAt, refresh } = useTodaySessions(deviceToken, onUnauthorized);
  const school = data?.school;
  // A student whose mentoring is ending, after tapping their name: their PIN, questionnaire and support words.
  const [ending, setEnding] = useState<EndingStudent | null>(null);
  if (ending && school) return <DeviceExitFlow deviceToken={deviceToken} student={ending} timeZone={school.timeZone} onDone={() => setEnding(null)} />;

  return (
    <Screen data-testid="device-page" className="device-page" aria-busy={loading}>
      <header className="device-header">
        <div>
          <p className="device-header__brand">Peerbridge</p>
          <h1 className="device-header__school">{school ? school.name : "Today's sessions"}</h1>
        </div>
        {school ? <DeviceClock timeZone={school.timeZone} /> : null}
      </header>

      {!data && loading ? <p className="device-page__loading">Loading today's sessions…</p> : null}

      {!data && error ? (
        <div className="device-page__problem">
          <Notice tone="error">{error.message}</Notice>
          <Button onClick={() => void refresh()}>Try again</Button>
        </div>
      ) : null}

      {data && error ? (
        <Notice tone="info">
          Couldn't refresh just now
          {loadedAt ? ` (showing the list from ${schoolTime(data.school.timeZone).time(new Date(loadedAt).toISOString())})` : ''}.
          We'll keep trying.
        </Notice>
      ) : null}

      {data ? <RejoinOffer deviceToken={deviceToken} sessions={data.sessions} school={data.school} onRejoin={onRejoin} onOffered={onRejoinOffered} /> : null}

      {data && data.sessions.length === 0 ? (
        <div className="device-page__empty">
          <p>No sessions today at {data.school.name}</p>
        </div>
      ) : null}

      {data && data.sessions.length > 0 ? (
        <ul className="session-list" aria-label="Today's sessions">
          {sortByStart(data.sessions).map((session) => (
            <li key={session.id}>
              <SessionCard
                session={session}
                timeZone={data.school.timeZone}
                onOpen={(s) => onOpenSession(s, data.school)}
              />
            </li>
          ))}
        </ul>
      ) : null}

      {data ? <DeviceExitsCard deviceToken={deviceToken} onOpen={setEnding} /> : null}

      {/*
        No "Forget this iPad" here: a child could use it on a shared iPad. Staff remove an iPad from
        the staff area (iPads → Remove), which revokes its token; this page then hears 401 and forgets it.
      */}
      <footer className="device-page__footer">{data ? <span>{data.device.label}</span> : null}</footer>
    </Screen>
  );
}
