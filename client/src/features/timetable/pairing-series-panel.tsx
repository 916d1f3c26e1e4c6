import { useState } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { TextField } from '../../ui/field';
import { LoadState } from '../../ui/staff-section';
import { now } from '../../lib/clock';
import { useSchoolTime } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { studentKeys } from '../students/students-queries';
import { SeriesActionForm } from './series-action-form';
import { cancelSession, endSeries, moveSession, unpair, type LifecycleResult, type SeriesSession } from './series-lifecycle-api';
import { endSeriesProblems, moveProblems, reasonProblems, sessionStateWords } from './series-panel-words';
import { pairNames } from './schedule-words';
import { timetableKeys, usePairingSeries } from './timetable-queries';

type Open = { sessionId: string; action: 'cancel' | 'move' } | null;

/**
 * A pairing's current series and next sessions (in the school's own time), and what a
 * coordinator of either school can do with them: cancel or move one session, end the
 * series from a date, or unpair. Each is logged, and both schools' coordinators are told.
 */
export function PairingSeriesPanel({ pairingId }: { pairingId: string }) {
  const time = useSchoolTime();
  const series = usePairingSeries(pairingId);
  const invalidate = useInvalidate();
  const [open, setOpen] = useState<Open>(null);
  const [result, setResult] = useState<string | null>(null);

  const done = (r: LifecycleResult) => {
    setResult(r.message);
    setOpen(null);
    // Sessions, the change log, the pairing list (after an unpairing), the slots, the notices and the audit trail all move.
    void invalidate(timetableKeys.allSeries(), timetableKeys.changes(), timetableKeys.partnerships(), timetableKeys.allCandidates(), studentKeys.notices(), auditKeys.all);
  };

  const data = series.data;
  return (
    <div className="scheduling-panel pairing-series" data-testid="pairing-series">
      <div className="scheduling-panel__head">
        <h3 className="scheduling-panel__title">{data ? `${pairNames(data.mentor, data.mentee)}: sessions` : 'Sessions'}</h3>
      </div>
      {result ? (
        <Notice tone="info" data-testid="lifecycle-result">
          {result}
        </Notice>
      ) : null}
      <LoadState loading={series.loading} error={series.error} hasData={data !== null} onRetry={() => void series.refresh()} what="sessions" />
      {data ? (
        <>
          <p className="staff-summary" data-testid="series-label">
            {data.series ? `Meets ${data.series.label}.` : 'No weekly sessions booked.'}
          </p>
          {data.upcoming.length === 0 ? <p className="staff-muted">No sessions to come.</p> : null}
          <ul className="staff-list" aria-label="Next sessions">
            {data.upcoming.map((s) => (
              <SessionRow key={s.id} session={s} open={open?.sessionId === s.id ? open.action : null} onOpen={(action) => setOpen(action ? { sessionId: s.id, action } : null)} onDone={done} />
            ))}
          </ul>
          {data.series ? <EndSeriesForm pairingId={pairingId} today={time.dateAt(now())} onDone={done} /> : null}
          <UnpairForm pairingId={pairingId} onDone={done} />
        </>
      ) : null}
    </div>
  );
}

function SessionRow({ session, open, onOpen, onDone }: { session: SeriesSession; open: 'cancel' | 'move' | null; onOpen: (a: 'cancel' | 'move' | null) => void; onDone: (r: LifecycleResult) => void }) {
  const time = useSchoolTime();
  const state = sessionStateWords(session);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState('');
  const [start, setStart] = useState('');
  return (
    <li className="staff-row series-session" data-testid="series-session" data-status={session.status}>
      <div className="staff-row__main">
        <span className="staff-row__title">
          {time.date(session.start)}, {time.timeRange(session.start, session.end)}
        </span>
        <span>
          <span className={`staff-tag ${session.status === 'scheduled' ? 'staff-tag--ok' : ''}`}>{state.tag}</span>
          {state.detail ? <span className="staff-muted"> {state.detail}</span> : null}
        </span>
        {open === 'cancel' ? (
          <SeriesActionForm testId="cancel-session" submitLabel="Cancel this session" check={() => reasonProblems(reason)} send={() => cancelSession(session.id, reason.trim())} onDone={onDone}>
            {(p) => <TextField label="Why it is cancelled" data-testid="cancel-reason" maxLength={200} value={reason} error={p.reason} onChange={(e) => setReason(e.target.value)} />}
          </SeriesActionForm>
        ) : null}
        {open === 'move' ? (
          <SeriesActionForm testId="move-session" submitLabel="Move it" check={() => moveProblems(date, start)} send={() => moveSession(session.id, { date, time: start })} onDone={onDone}>
            {(p) => (
              <>
                <TextField label="New date" type="date" data-testid="move-date" value={date} error={p.date} onChange={(e) => setDate(e.target.value)} />
                <TextField label="New start (your school's time)" type="time" data-testid="move-time" value={start} error={p.time} onChange={(e) => setStart(e.target.value)} />
              </>
            )}
          </SeriesActionForm>
        ) : null}
      </div>
      {session.status === 'scheduled' ? (
        <div className="series-session__actions">
          <Button variant="quiet" data-testid="open-cancel" aria-expanded={open === 'cancel'} onClick={() => onOpen(open === 'cancel' ? null : 'cancel')}>
            Cancel…
          </Button>
          <Button variant="quiet" data-testid="open-move" aria-expanded={open === 'move'} onClick={() => onOpen(open === 'move' ? null : 'move')}>
            Move…
          </Button>
        </div>
      ) : null}
    </li>
  );
}

function EndSeriesForm({ pairingId, today, onDone }: { pairingId: string; today: string; onDone: (r: LifecycleResult) => void }) {
  const [from, setFrom] = useState('');
  const [reason, setReason] = useState('');
  return (
    <SeriesActionForm testId="end-series" submitLabel="End the weekly sessions" check={() => endSeriesProblems(from, today)} send={() => endSeries(pairingId, from, reason.trim() || undefined)} onDone={onDone}>
      {(p) => (
        <>
          <TextField label="No sessions from" type="date" data-testid="end-series-from" min={today} value={from} error={p.from} onChange={(e) => setFrom(e.target.value)} />
          <TextField label="Reason (optional)" data-testid="end-series-reason" maxLength={200} value={reason} error={p.reason} onChange={(e) => setReason(e.target.value)} />
        </>
      )}
    </SeriesActionForm>
  );
}

function UnpairForm({ pairingId, onDone }: { pairingId: string; onDone: (r: LifecycleResult) => void }) {
  const [reason, setReason] = useState('');
  return (
    <SeriesActionForm testId="unpair" submitLabel="Unpair" check={() => reasonProblems(reason)} send={() => unpair(pairingId, reason.trim())} onDone={onDone}>
      {(p) => (
        <TextField
          label="Why they are unpaired"
          hint="Their sessions still to come are cancelled; the pairing and its records are kept."
          data-testid="unpair-reason"
          maxLength={200}
          value={reason}
          error={p.reason}
          onChange={(e) => setReason(e.target.value)}
        />
      )}
    </SeriesActionForm>
  );
}
