import { useState } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useSchoolTime, useStaffErrors } from '../../lib/staff/staff-context';
import { useInvalidate } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { summariseLostDates } from '../timetable/lost-dates';
import { createSeries, type Candidate, type Pairing } from '../timetable/timetable-api';
import { conflictMessages, firstSessionWords, seriesBookedWords } from '../timetable/schedule-words';
import { timetableKeys } from '../timetable/timetable-queries';

type Outcome = { kind: 'created'; message: string } | { kind: 'refused'; messages: string[] };

/** A pairing's candidate slots, best first; booking one creates its weekly series for the whole programme. */
export function CandidateList({ pairing, candidates }: { pairing: Pairing; candidates: readonly Candidate[] }) {
  const handleError = useStaffErrors();
  const invalidate = useInvalidate();
  const time = useSchoolTime();
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const book = async (candidate: Candidate) => {
    setBusy(candidate.id);
    setOutcome(null);
    try {
      const booked = await createSeries(pairing.id, candidate.id);
      setOutcome({ kind: 'created', message: seriesBookedWords(booked, time) });
      // The booked time leaves the list, the new sessions show in the pairing's sessions and under "Changes to sessions", and on the audit trail.
      void invalidate(timetableKeys.candidates(pairing.id), timetableKeys.series(pairing.id), timetableKeys.changes(), auditKeys.all);
    } catch (cause) {
      const error = handleError(cause);
      setOutcome({ kind: 'refused', messages: conflictMessages(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {/* Above the list, not in a card: once booked, that time may leave the list. */}
      {outcome?.kind === 'created' ? (
        <Notice tone="info" data-testid="series-result">
          {outcome.message}
        </Notice>
      ) : null}
      {outcome?.kind === 'refused' ? (
        <Notice tone="error" data-testid="series-conflicts">
          <p>Not booked, because:</p>
          <ul>
            {outcome.messages.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {candidates.length === 0 ? <p className="staff-muted">No weekly time suits both students at both schools.</p> : null}
      <ol className="staff-list candidate-list" aria-label="Possible weekly times, best first">
      {candidates.map((candidate) => (
        <li key={candidate.id} className="staff-row candidate-card" data-testid="candidate-card" data-candidate-id={candidate.id}>
          <div className="staff-row__main">
            <span className="staff-row__title">{candidate.label}</span>
            <span className="candidate-card__facts">
              {candidate.everyWeekSameSlot ? <span className="staff-tag staff-tag--ok">Every week</span> : null}
              <span>
                {candidate.sessions} {candidate.sessions === 1 ? 'session' : 'sessions'} · {firstSessionWords(candidate.firstSession, time)}
              </span>
            </span>
            {summariseLostDates(candidate.lostDates).map((line) => (
              <span key={line.school} className="staff-muted">
                {line.sentence}
              </span>
            ))}
          </div>
          <Button
            data-testid="create-series"
            onClick={() => void book(candidate)}
            disabled={busy !== null}
            aria-busy={busy === candidate.id}
          >
            {busy === candidate.id ? 'Booking…' : 'Book this every week'}
          </Button>
        </li>
      ))}
      </ol>
    </>
  );
}
