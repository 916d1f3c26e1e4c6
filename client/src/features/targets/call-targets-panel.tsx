import type { CallTarget } from '@peerbridge/shared';
import { useEffect, useState, type ReactNode } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import type { CallTargetsChannel } from '../call/call-client';
import { NewTargetForm, TargetReviewForm } from './target-forms';
import { dueCountWords, reviewWords, targetStatusWords } from './targets-words';
import './targets.css';

function upsert(list: readonly CallTarget[], target: CallTarget): CallTarget[] {
  return list.some((t) => t.id === target.id) ? list.map((t) => (t.id === target.id ? target : t)) : [...list, target];
}

function TargetCard({ target, today, children }: { target: CallTarget; today: string; children?: ReactNode }) {
  return (
    <li className="call-targets__card" data-testid="call-target" data-target-id={target.id} data-status={target.status} data-due={target.dueForReview}>
      <p className="call-targets__what">{target.what}</p>
      <p className="call-targets__meta">
        <span data-testid="call-target-status">{targetStatusWords[target.status]}</span> · {reviewWords(target, today)}
      </p>
      {target.why ? <p className="call-targets__detail">Why: {target.why}</p> : null}
      {target.measure ? <p className="call-targets__detail">How we’ll know: {target.measure}</p> : null}
      {target.nextStep ? (
        <p className="call-targets__detail" data-testid="call-target-next-step">
          Next step: {target.nextStep}
        </p>
      ) : null}
      {children}
    </li>
  );
}

/**
 * The pair's targets in the call, loaded once the call is up (this module is its own chunk). Both students see
 * what is due for review, the rest folded away; the mentor reviews and adds, and the other student sees each
 * change as it is made.
 */
export default function CallTargetsPanel({ channel, isMentor, partnerName }: { channel: CallTargetsChannel; isMentor: boolean; partnerName: string }) {
  const [targets, setTargets] = useState<CallTarget[] | null>(null);
  const [sessionDate, setSessionDate] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [reviewing, setReviewing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // Reviewed in this call: kept where the pair were looking, marked done, rather than jumping into the folded list.
  const [reviewedNow, setReviewedNow] = useState<ReadonlySet<string>>(new Set());
  const markReviewed = (id: string) => setReviewedNow((set) => new Set(set).add(id));

  useEffect(() => {
    let live = true;
    channel.list().then(
      (answer) => {
        if (!live) return;
        setTargets(answer.targets);
        setSessionDate(answer.sessionDate);
      },
      (error: unknown) => live && setProblem(toPeerbridgeError(error).message),
    );
    const stop = channel.onChanged(({ change, target }) => {
      setTargets((list) => upsert(list ?? [], target));
      if (change === 'reviewed') setReviewedNow((set) => new Set(set).add(target.id));
    });
    return () => {
      live = false;
      stop();
    };
  }, [channel]);

  const inFocus = (t: CallTarget) => t.dueForReview || reviewedNow.has(t.id);
  const due = (targets ?? []).filter(inFocus);
  const others = (targets ?? []).filter((t) => !inFocus(t));
  const stillDue = due.filter((t) => !reviewedNow.has(t.id)).length;

  return (
    <>
      <Button variant="secondary" className="call-targets__toggle" data-testid="targets-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {dueCountWords(stillDue)}
      </Button>
      {open ? (
        <section className="call-targets" data-testid="call-targets" aria-label="Your targets">
          <header className="call-targets__header">
            <h2>Targets</h2>
            <Button variant="quiet" onClick={() => setOpen(false)}>
              Close
            </Button>
          </header>
          {problem ? <Notice tone="error">{problem}</Notice> : null}
          {targets === null && !problem ? <p>Loading your targets…</p> : null}
          {targets !== null && targets.length === 0 ? (
            <p data-testid="call-targets-empty">{isMentor ? `No targets yet. Agree one with ${partnerName} and add it.` : 'No targets yet. You can agree one with your mentor today.'}</p>
          ) : null}
          {due.length > 0 ? <h3 className="call-targets__heading">To review today</h3> : null}
          <ul className="call-targets__list" data-testid="call-targets-due">
            {due.map((t) => (
              <TargetCard key={t.id} target={t} today={sessionDate}>
                {isMentor && reviewing === t.id ? (
                  <TargetReviewForm
                    target={t}
                    sessionDate={sessionDate}
                    onCancel={() => setReviewing(null)}
                    onSave={async (review) => {
                      const { target } = await channel.review(review);
                      setTargets((list) => upsert(list ?? [], target));
                      markReviewed(target.id);
                      setReviewing(null);
                    }}
                  />
                ) : reviewedNow.has(t.id) ? (
                  <p className="call-targets__done" data-testid="call-target-reviewed">
                    Reviewed today
                  </p>
                ) : isMentor ? (
                  <Button data-testid="review-target" onClick={() => setReviewing(t.id)}>
                    Review
                  </Button>
                ) : null}
              </TargetCard>
            ))}
          </ul>
          {others.length > 0 ? (
            <details className="call-targets__others" data-testid="call-targets-others">
              <summary>Other targets ({others.length})</summary>
              <ul className="call-targets__list">
                {others.map((t) => (
                  <TargetCard key={t.id} target={t} today={sessionDate} />
                ))}
              </ul>
            </details>
          ) : null}
          {isMentor && targets !== null ? (
            adding ? (
              <NewTargetForm
                sessionDate={sessionDate}
                onCancel={() => setAdding(false)}
                onSave={async (input) => {
                  const { target } = await channel.add(input);
                  setTargets((list) => upsert(list ?? [], target));
                  setAdding(false);
                }}
              />
            ) : (
              <Button variant="secondary" data-testid="add-target" onClick={() => setAdding(true)}>
                Add a target
              </Button>
            )
          ) : null}
        </section>
      ) : null}
    </>
  );
}
