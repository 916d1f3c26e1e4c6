import { useState } from 'react';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { useStaffErrors } from '../../lib/staff/staff-context';
import { LoadState, RefreshButton } from '../../ui/staff-section';
import { useInvalidate } from '../../lib/staff/staff-query';
import { auditKeys } from '../audit/audit-queries';
import { timetableKeys } from '../timetable/timetable-queries';
import { useSuggestions } from './matching-queries';
import { comparisonWords, emptyReview, forgetPair, rejectPair, swapMentor, swapOptions, type PairingReview } from './pairing-review';
import { acceptPairing, type Suggestion } from '../timetable/timetable-api';

/**
 * Suggested pairings for the partnership with their reasons. Reject and Swap
 * only change what is asked for next; nothing is paired until Accept.
 */
export function PairingBoard({ partnershipId }: { partnershipId: string }) {
  const handleError = useStaffErrors();
  const [review, setReview] = useState<PairingReview>(emptyReview);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const board = useSuggestions(partnershipId, review);
  const invalidate = useInvalidate();

  const accept = async (s: Suggestion) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await acceptPairing(partnershipId, { menteeId: s.menteeId, mentorId: s.mentorId });
      setDone(`${s.mentee} is now paired with ${s.mentor}.`);
      // The server keeps it from now on; the new review also asks the board again.
      setReview((r) => forgetPair(r, s));
      // The new pairing appears in the timetable's pairing list, and on the audit trail.
      void invalidate(timetableKeys.partnerships(), auditKeys.all);
    } catch (cause) {
      setProblem(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  const data = board.data;
  return (
    <div className="pairing-board" data-testid="pairing-board">
      <div className="scheduling-panel__head">
        <h3 className="scheduling-panel__title">Suggested pairings</h3>
        {/* Suggestions are worked out on request, not polled: asking again takes in new students and answers. */}
        <RefreshButton label="Refresh suggestions" onClick={() => void board.refresh()} loading={board.loading} />
      </div>
      {review.excluded.length + review.locked.length > 0 ? (
        <div className="staff-load-problem">
          <span className="staff-muted">
            {review.excluded.length} rejected, {review.locked.length} swapped so far.
          </span>
          <Button variant="quiet" onClick={() => setReview(emptyReview)}>
            Start again
          </Button>
        </div>
      ) : null}
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {done ? <Notice tone="info">{done}</Notice> : null}
      <LoadState loading={board.loading} error={board.error} hasData={data !== null} onRetry={() => void board.refresh()} what="suggestions" />
      {data ? (
        <>
          <p className="staff-summary">{comparisonWords(data.totalScore, data.greedyScore)}</p>
          {data.suggestions.length === 0 ? <p className="staff-muted">No new pairings to suggest.</p> : null}
          <ul className="staff-list" aria-label="Suggested pairings">
            {data.suggestions.map((s) => (
              <SuggestionRow
                key={`${s.menteeId}-${s.mentorId}`}
                suggestion={s}
                options={swapOptions(data.suggestions, s)}
                busy={busy || board.loading}
                onAccept={() => void accept(s)}
                onReject={() => setReview((r) => rejectPair(r, s))}
                onSwap={(mentorId) => setReview((r) => swapMentor(r, s.menteeId, mentorId))}
              />
            ))}
          </ul>
          {data.unmatched.length > 0 ? (
            <>
              <h4 className="scheduling-panel__subtitle">Not matched</h4>
              <ul className="staff-list" aria-label="Mentees not matched">
                {data.unmatched.map((u) => (
                  <li key={u.menteeId} className="staff-row" data-testid="unmatched-row" data-reason={u.reason}>
                    <div className="staff-row__main">
                      <span className="staff-row__title">{u.mentee}</span>
                      <span>{u.explanation}</span>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {data.kept.length > 0 ? (
            <p className="staff-muted">
              Already paired: {data.kept.map((k) => `${k.mentee} with ${k.mentor}`).join('; ')}.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function SuggestionRow({
  suggestion: s,
  options,
  busy,
  onAccept,
  onReject,
  onSwap,
}: {
  suggestion: Suggestion;
  options: { id: string; name: string }[];
  busy: boolean;
  onAccept: () => void;
  onReject: () => void;
  onSwap: (mentorId: string) => void;
}) {
  return (
    <li className="staff-row suggestion-row" data-testid="suggestion-row" data-mentee-id={s.menteeId} data-mentor-id={s.mentorId}>
      <div className="staff-row__main">
        <span className="staff-row__title">
          {s.mentee} with {s.mentor}
        </span>
        <span className="suggestion-row__summary" data-testid="suggestion-summary">
          {summaryOf(s.explanation)}
        </span>
        <ul className="suggestion-row__why" aria-label={`Why ${s.mentee} with ${s.mentor}`}>
          {s.explanation.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="suggestion-row__actions">
        <Button data-testid="suggestion-accept" onClick={onAccept} disabled={busy}>
          Accept
        </Button>
        <Button variant="secondary" data-testid="suggestion-reject" onClick={onReject} disabled={busy}>
          Reject
        </Button>
        {options.length > 0 ? (
          <select
            className="pb-input suggestion-row__swap"
            data-testid="suggestion-swap"
            aria-label={`Swap ${s.mentee}'s mentor`}
            value=""
            disabled={busy}
            onChange={(event) => event.target.value && onSwap(event.target.value)}
          >
            <option value="">Swap mentor…</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        ) : null}
      </div>
    </li>
  );
}

/** The best subject line and the free periods, short: "Strong subject match: English, poetry · only one shared free period". */
function summaryOf(explanation: readonly string[]): string {
  const parts = explanation.length > 1 ? [explanation[0]!, explanation[explanation.length - 1]!] : [...explanation];
  return parts.map(headline).map((part, i) => (i === 0 ? part : part.charAt(0).toLowerCase() + part.slice(1))).join(' · ');
}

/** The part before any detail in brackets: "Strong subject match: English, poetry". */
function headline(line: string): string {
  const cut = line.indexOf(' (');
  const short = cut > 0 ? line.slice(0, cut) : line;
  return short.replace(/, so a single clash loses the week$/, '');
}
