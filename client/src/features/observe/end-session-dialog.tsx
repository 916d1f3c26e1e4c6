import { useId, useState } from 'react';
import { StaffEndReason, staffEndReasonWords, type StaffEndReason as Reason } from '@peerbridge/shared';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { Field } from '../../ui/field';
import { toPeerbridgeError } from '../../lib/peerbridge-error';
import { endSessionForEveryone } from './end-session-api';

/** As the server takes it (shared schema): a short note for the record, not a report. */
const NOTE_MAX = 500;

/**
 * Ending a session early: a reason from the list (required), a short note if wanted, then one
 * confirmation. The children are never shown the reason; the log and both coordinators are.
 */
export function EndSessionDialog({ sessionId, onEnded, onCancel }: { sessionId: string; onEnded: () => void; onCancel: () => void }) {
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const legendId = useId();

  const confirm = async () => {
    if (!reason) {
      setProblem('Choose a reason first.');
      return;
    }
    setSending(true);
    setProblem(null);
    try {
      const trimmed = note.trim();
      await endSessionForEveryone(sessionId, { reason, ...(trimmed ? { note: trimmed } : {}) });
      onEnded();
    } catch (error) {
      setProblem(toPeerbridgeError(error).message);
      setSending(false);
    }
  };

  return (
    <ConfirmDialog
      title="End this session for everyone?"
      confirmLabel={sending ? 'Ending…' : 'End the session'}
      cancelLabel="Keep watching"
      onConfirm={() => void confirm()}
      onCancel={onCancel}
      confirmTestId="end-session-confirm"
      busy={sending}
    >
      <p>
        Both students leave the call at once and cannot join it again. They are told a member of staff ended it and that they have done
        nothing wrong; they are not told why. The reason goes in the session log, and both schools’ coordinators are told.
      </p>
      <fieldset className="end-session__reasons" aria-labelledby={legendId}>
        <legend id={legendId} className="pb-field__label">
          Reason
        </legend>
        {StaffEndReason.options.map((option) => (
          <label key={option} className="end-session__reason">
            <input
              type="radio"
              name="end-reason"
              value={option}
              checked={reason === option}
              onChange={() => setReason(option)}
              data-testid={`end-reason-${option}`}
            />
            {staffEndReasonWords[option]}
          </label>
        ))}
      </fieldset>
      <Field label="Note for the record (optional)" hint={`Up to ${NOTE_MAX} characters. Only staff see it.`}>
        {(control) => (
          <textarea
            {...control}
            className="pb-input"
            rows={2}
            maxLength={NOTE_MAX}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="end-session-note"
          />
        )}
      </Field>
      {problem ? (
        <p className="pb-field__error" role="alert" data-testid="end-session-problem">
          {problem}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
