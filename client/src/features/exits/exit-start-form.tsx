import type { ExitReason, StartExitBody } from '@peerbridge/shared';
import { useState } from 'react';
import { useSchoolTime, useStaffErrors } from '../../lib/staff/staff-context';
import { Button } from '../../ui/button';
import { Field, TextField } from '../../ui/field';
import { Notice } from '../../ui/notice';
import type { ExitPairing } from './exits-api';
import { startExit } from './exits-api';
import { reasonOptions } from './exit-words';

/**
 * Ending one pairing: the reason (planned or early), a note, at once or gradually down to a final
 * review on one of the pair's sessions still to come, and whether both students get the questionnaire.
 */
export function ExitStartForm({ pairing, onDone, onCancel }: { pairing: ExitPairing; onDone: (message: string) => Promise<void>; onCancel: () => void }) {
  const time = useSchoolTime();
  const handleError = useStaffErrors();
  const [reason, setReason] = useState<ExitReason>('programme_finished');
  const [note, setNote] = useState('');
  const [mode, setMode] = useState<StartExitBody['mode']>('immediate');
  const [finalReviewOn, setFinalReviewOn] = useState(pairing.upcoming.at(-1)?.date ?? '');
  const [questionnaire, setQuestionnaire] = useState(true);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const dates = [...new Map(pairing.upcoming.map((s) => [s.date, s])).values()];

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const body: StartExitBody = { reason, note: note.trim(), mode, questionnaire, ...(mode === 'gradual' ? { finalReviewOn } : {}) };
      const result = await startExit(pairing.pairingId, body);
      await onDone(result.message);
    } catch (cause) {
      setProblem(handleError(cause).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="exit-start"
      data-testid="exit-start-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label="Reason">
        {(control) => (
          <select {...control} className="pb-input" data-testid="exit-reason" value={reason} onChange={(e) => setReason(e.target.value as ExitReason)}>
            {reasonOptions().map((group) => (
              <optgroup key={group.group} label={group.group}>
                {group.reasons.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      <TextField label="Note (optional)" data-testid="exit-note" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      <fieldset className="exit-start__modes">
        <legend>How it ends</legend>
        <label className="exit-start__choice">
          <input type="radio" name={`mode-${pairing.pairingId}`} data-testid="exit-mode-immediate" checked={mode === 'immediate'} onChange={() => setMode('immediate')} />
          Now: the sessions still to come are cancelled
        </label>
        <label className="exit-start__choice">
          <input type="radio" name={`mode-${pairing.pairingId}`} data-testid="exit-mode-gradual" disabled={dates.length === 0} checked={mode === 'gradual'} onChange={() => setMode('gradual')} />
          Gradually: every other session cancelled up to a final review
        </label>
      </fieldset>
      {mode === 'gradual' ? (
        <Field label="Final review session" hint="The pairing ends once this session is over.">
          {(control) => (
            <select {...control} className="pb-input" data-testid="exit-final-review" value={finalReviewOn} onChange={(e) => setFinalReviewOn(e.target.value)}>
              {dates.map((s) => (
                <option key={s.date} value={s.date}>
                  {time.dateTime(s.start)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <label className="exit-start__choice">
        <input type="checkbox" data-testid="exit-questionnaire" checked={questionnaire} onChange={(e) => setQuestionnaire(e.target.checked)} />
        Ask both students the exit questionnaire on the iPad
      </label>
      {problem ? (
        <Notice tone="error" data-testid="exit-problem">
          {problem}
        </Notice>
      ) : null}
      <div className="exit-start__actions">
        <Button type="submit" variant="danger" data-testid="exit-confirm" disabled={busy || (mode === 'gradual' && !finalReviewOn)}>
          {mode === 'gradual' ? 'Start the gradual exit' : 'End the pairing'}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel} disabled={busy}>
          Keep it
        </Button>
      </div>
    </form>
  );
}
