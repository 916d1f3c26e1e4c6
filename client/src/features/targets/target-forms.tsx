import type { CallTarget, TargetStatus } from '@peerbridge/shared';
import { useState, type FormEvent } from 'react';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { Button } from '../../ui/button';
import { Field } from '../../ui/field';
import { Notice } from '../../ui/notice';
import { addDays, reviewStatuses, targetStatusWords } from './targets-words';

/** What went wrong (if anything), then Cancel and the form's own Save. */
function FormEnd(props: { problem: string | null; problemTestId: string; saving: boolean; saveTestId: string; saveLabel: string; onCancel: () => void }) {
  return (
    <>
      {props.problem ? (
        <Notice tone="error" data-testid={props.problemTestId}>
          {props.problem}
        </Notice>
      ) : null}
      <div className="targets-form__actions">
        <Button variant="secondary" onClick={props.onCancel}>
          Cancel
        </Button>
        <Button type="submit" data-testid={props.saveTestId} disabled={props.saving} aria-busy={props.saving}>
          {props.saveLabel}
        </Button>
      </div>
    </>
  );
}

export interface ReviewInput {
  targetId: string;
  status: TargetStatus;
  progress: string;
  nextStep: string;
  nextReviewOn?: string;
}

/** The mentor's review of one target in the call: how it is going, the new status, the next step and when to look again. */
export function TargetReviewForm({
  target,
  sessionDate,
  onSave,
  onCancel,
}: {
  target: CallTarget;
  sessionDate: string;
  onSave: (review: ReviewInput) => Promise<void>;
  onCancel: () => void;
}) {
  const [status, setStatus] = useState<TargetStatus>(target.status === 'not_started' ? 'on_track' : target.status);
  const [progress, setProgress] = useState('');
  const [nextStep, setNextStep] = useState(target.nextStep);
  const [nextReviewOn, setNextReviewOn] = useState(target.reviewOn > sessionDate ? target.reviewOn : addDays(sessionDate, 7));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const finished = status === 'met' || status === 'dropped';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      await onSave({ targetId: target.id, status, progress, nextStep, ...(finished ? {} : { nextReviewOn }) });
    } catch (error) {
      setProblem(toPeerbridgeError(error).message);
      setSaving(false);
    }
  };

  return (
    <form className="targets-form" data-testid="target-review-form" onSubmit={(e) => void submit(e)}>
      <fieldset className="targets-form__statuses">
        <legend>How is it going?</legend>
        {reviewStatuses.map((s) => (
          <Button
            key={s}
            variant={s === status ? 'primary' : 'secondary'}
            aria-pressed={s === status}
            data-testid={`review-status-${s}`}
            onClick={() => setStatus(s)}
          >
            {targetStatusWords[s]}
          </Button>
        ))}
      </fieldset>
      <Field label="Progress so far">
        {(c) => <textarea {...c} data-testid="review-progress" rows={2} maxLength={400} value={progress} onChange={(e) => setProgress(e.target.value)} />}
      </Field>
      <Field label="Next step">
        {(c) => <textarea {...c} data-testid="review-next-step" rows={2} maxLength={400} value={nextStep} onChange={(e) => setNextStep(e.target.value)} />}
      </Field>
      {finished ? null : (
        <Field label="Review again on">
          {(c) => <input {...c} type="date" data-testid="review-next-date" min={sessionDate} value={nextReviewOn} onChange={(e) => setNextReviewOn(e.target.value)} />}
        </Field>
      )}
      <FormEnd problem={problem} problemTestId="review-problem" saving={saving} saveTestId="review-save" saveLabel="Save review" onCancel={onCancel} />
    </form>
  );
}

export interface NewTargetInput {
  what: string;
  why: string;
  measure: string;
  reviewOn: string;
}

/** A target the pair agree in the call, written by the mentor. */
export function NewTargetForm({ sessionDate, onSave, onCancel }: { sessionDate: string; onSave: (t: NewTargetInput) => Promise<void>; onCancel: () => void }) {
  const [what, setWhat] = useState('');
  const [why, setWhy] = useState('');
  const [measure, setMeasure] = useState('');
  const [reviewOn, setReviewOn] = useState(addDays(sessionDate, 14));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!what.trim()) {
      setProblem('Write what the target is first.');
      return;
    }
    setSaving(true);
    setProblem(null);
    try {
      await onSave({ what, why, measure, reviewOn });
    } catch (error) {
      setProblem(toPeerbridgeError(error).message);
      setSaving(false);
    }
  };

  return (
    <form className="targets-form" data-testid="target-new-form" onSubmit={(e) => void submit(e)}>
      <Field label="What is the target?">
        {(c) => <input {...c} data-testid="new-target-what" maxLength={200} value={what} onChange={(e) => setWhat(e.target.value)} />}
      </Field>
      <Field label="Why does it matter?">
        {(c) => <input {...c} data-testid="new-target-why" maxLength={400} value={why} onChange={(e) => setWhy(e.target.value)} />}
      </Field>
      <Field label="How will you know it is done?">
        {(c) => <input {...c} data-testid="new-target-measure" maxLength={400} value={measure} onChange={(e) => setMeasure(e.target.value)} />}
      </Field>
      <Field label="Review on">
        {(c) => <input {...c} type="date" data-testid="new-target-review-on" min={sessionDate} value={reviewOn} onChange={(e) => setReviewOn(e.target.value)} />}
      </Field>
      <FormEnd problem={problem} problemTestId="new-target-problem" saving={saving} saveTestId="new-target-save" saveLabel="Add target" onCancel={onCancel} />
    </form>
  );
}
