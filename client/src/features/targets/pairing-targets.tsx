import type { PairingStudent, PairingTargets, TargetView } from '@peerbridge/shared';
import { useState, type FormEvent } from 'react';
import { useSchoolTime } from '../../lib/staff/staff-context';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { addDays, reviewWords, shortDate, targetStatusWords } from './targets-words';

const named = (s: PairingStudent) => (s.lastName ? `${s.firstName} ${s.lastName}` : `${s.firstName} (Year ${s.yearGroup}, ${s.schoolName})`);

function TargetRow({ target, today }: { target: TargetView; today: string }) {
  return (
    <li className="staff-target" data-testid="staff-target" data-target-id={target.id} data-due={target.dueForReview} data-status={target.status}>
      <p className="staff-target__what">
        <strong>{target.what}</strong> · <span data-testid="staff-target-status">{targetStatusWords[target.status]}</span> · {reviewWords(target, today)}
        {target.origin === 'school' ? ' · seeded by school' : ''}
      </p>
      {target.why ? <p>Why: {target.why}</p> : null}
      {target.measure ? <p>Measured by: {target.measure}</p> : null}
      {target.nextStep ? <p>Next step: {target.nextStep}</p> : null}
      {target.reviews.length > 0 ? (
        <details data-testid="staff-target-history">
          <summary>Review history ({target.reviews.length})</summary>
          <ol className="staff-target__history">
            {target.reviews.map((r) => (
              <li key={r.id} data-testid="staff-target-review">
                {shortDate(r.at.slice(0, 10))}: {targetStatusWords[r.status]}
                {r.onTime ? ' (on time)' : ` (late: due ${shortDate(r.dueOn)})`}
                {r.progress ? `. ${r.progress}` : ''}
                {r.nextStep ? `. Next: ${r.nextStep}` : ''}
                {r.by === 'staff' ? ' · by staff' : ''}
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </li>
  );
}

export interface SeedInput {
  what: string;
  why: string;
  measure: string;
  reviewOn: string;
}

function SeedForm({ today, onSeed }: { today: string; onSeed: (t: SeedInput) => Promise<void> }) {
  const [what, setWhat] = useState('');
  const [why, setWhy] = useState('');
  const [measure, setMeasure] = useState('');
  const [reviewOn, setReviewOn] = useState(addDays(today, 14));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      await onSeed({ what, why, measure, reviewOn });
      setWhat('');
      setWhy('');
      setMeasure('');
    } catch (error) {
      setProblem(toPeerbridgeError(error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <form className="targets-form" data-testid="seed-target-form" onSubmit={(e) => void submit(e)}>
      <Field label="Target (e.g. from teacher feedback)">
        {(c) => <input {...c} data-testid="seed-target-what" maxLength={200} value={what} onChange={(e) => setWhat(e.target.value)} />}
      </Field>
      <Field label="Why">{(c) => <input {...c} maxLength={400} value={why} onChange={(e) => setWhy(e.target.value)} />}</Field>
      <Field label="How it will be measured">{(c) => <input {...c} maxLength={400} value={measure} onChange={(e) => setMeasure(e.target.value)} />}</Field>
      <Field label="Review on">
        {(c) => <input {...c} type="date" data-testid="seed-target-review-on" min={today} value={reviewOn} onChange={(e) => setReviewOn(e.target.value)} />}
      </Field>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <div className="targets-form__actions">
        <Button type="submit" data-testid="seed-target-save" disabled={saving}>
          Add target for the pair
        </Button>
      </div>
    </form>
  );
}

/** One pairing: its targets (due first), their review history, the mentor's notes, and seeding for the mentee's school. */
export function PairingTargetsCard({ pairing, today, onSeed }: { pairing: PairingTargets; today: string; onSeed: (t: SeedInput) => Promise<void> }) {
  const time = useSchoolTime();
  const [seeding, setSeeding] = useState(false);
  const due = pairing.targets.filter((t) => t.dueForReview).length;
  return (
    <li className="staff-pairing-targets" data-testid="pairing-targets" data-pairing-id={pairing.pairingId}>
      <h3>
        {named(pairing.mentor)} mentoring {named(pairing.mentee)}
      </h3>
      <p data-testid="pairing-targets-due">{due === 0 ? 'Nothing due for review' : `${due} due for review`}</p>
      {pairing.targets.length === 0 ? <p>No targets yet.</p> : null}
      <ul className="staff-target-list">
        {pairing.targets.map((t) => (
          <TargetRow key={t.id} target={t} today={today} />
        ))}
      </ul>
      {pairing.notes.length > 0 ? (
        <details data-testid="pairing-notes">
          <summary>Mentor's session notes ({pairing.notes.length})</summary>
          <ul>
            {pairing.notes.map((n) => (
              <li key={n.id} data-testid="pairing-note" data-flagged={n.flaggedKeywords.length > 0}>
                {time.dateTime(n.sessionStartsAt)}: {n.text}
                {n.flaggedKeywords.length > 0 ? ` (matched safeguarding words: ${n.flaggedKeywords.join(', ')}; sent to both safeguarding leads)` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {pairing.canSeed ? (
        seeding ? (
          <SeedForm today={today} onSeed={onSeed} />
        ) : (
          <Button variant="secondary" data-testid="seed-target" onClick={() => setSeeding(true)}>
            Add a target for this pair
          </Button>
        )
      ) : null}
    </li>
  );
}
