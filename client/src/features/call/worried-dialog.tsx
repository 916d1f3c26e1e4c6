import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../ui/button';
import { CalmPulse } from '../../ui/calm-pulse';
import { useFocusTrap } from '../../ui/use-focus-trap';
import { isBusy, type WorriedState } from './worried-flow';

export interface WorriedDialogProps {
  state: Exclude<WorriedState, { step: 'closed' }>;
  onRetry: () => void;
  onSendWords: (text: string) => void;
  onClose: () => void;
  /** Whether the child's camera is on now: the dialog offers to turn it off. */
  cameraOn: boolean;
  onCameraOff: () => void;
  /** Leaves the call at once, no "are you sure?": a worried child should be able to get out. */
  onLeaveNow: () => void;
}

/** Where to go if Peerbridge itself can't carry the message. */
const ASK_AN_ADULT = 'You can also tell a teacher or another adult you trust.';

/**
 * After the one tap: reassurance first, then the option to say more. Never a
 * form to fill in before anyone is told; never a red alarm. Tapping outside
 * does nothing, so a stray touch can't hide what happened.
 */
export function WorriedDialog({ state, onRetry, onSendWords, onClose, cameraOn, onCameraOff, onLeaveNow }: WorriedDialogProps) {
  const titleId = useId();
  const textId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const [words, setWords] = useState('');
  const busy = isBusy(state);
  useFocusTrap(dialogRef);

  useEffect(() => {
    // Focus the dialog, not the text box: the keyboard popping up uninvited is not calm.
    dialogRef.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !busy) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [busy, onClose]);

  return (
    <div className="pb-dialog-backdrop">
      <div
        ref={dialogRef}
        className="pb-dialog call-worried-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid="worried-dialog"
        data-step={state.step}
      >
        {state.step === 'raising' ? (
          <div className="call-worried-dialog__sending" aria-busy="true">
            <CalmPulse />
            <h2 id={titleId} className="pb-dialog__title">
              Telling a safeguarding lead…
            </h2>
          </div>
        ) : null}

        {state.step === 'raise-failed' ? (
          <>
            <h2 id={titleId} className="pb-dialog__title">
              That didn’t send yet
            </h2>
            <p className="call-worried-dialog__problem" role="alert" data-testid="worried-error">
              {state.message}
            </p>
            <p className="pb-dialog__body">Please try again. {ASK_AN_ADULT}</p>
            <div className="pb-dialog__actions">
              <Button variant="secondary" data-testid="worried-close" onClick={onClose}>
                Close
              </Button>
              <Button data-testid="worried-retry" onClick={onRetry}>
                Try again
              </Button>
            </div>
          </>
        ) : null}

        {state.step === 'raised' ? (
          <>
            <div data-testid="worried-confirmation" role="status">
              <h2 id={titleId} className="pb-dialog__title">
                Thank you for telling us.
              </h2>{' '}
              <p className="pb-dialog__body" data-testid="worried-who-is-told">
                The safeguarding leads at your school and at your partner’s school have been told, so a trusted adult will
                follow this up. You can add a sentence in your own words if you want.
              </p>
            </div>

            <div className="call-worried-dialog__now" role="group" aria-label="What you can do now">
              {cameraOn ? (
                <Button variant="secondary" data-testid="worried-camera-off" onClick={onCameraOff}>
                  Turn my camera off
                </Button>
              ) : (
                <p className="call-worried-dialog__sent" data-testid="worried-camera-is-off">
                  Your camera is off.
                </p>
              )}
              <Button variant="secondary" data-testid="worried-leave" onClick={onLeaveNow}>
                Leave the call now
              </Button>
            </div>

            {state.wordsSent ? (
              <p className="call-worried-dialog__sent" role="status" data-testid="worried-words-sent">
                Thank you. Your words have been added to what you told us.
              </p>
            ) : (
              <form
                className="call-worried-dialog__form"
                onSubmit={(event) => {
                  event.preventDefault();
                  if (words.trim() && !busy) onSendWords(words);
                }}
              >
                <label htmlFor={textId} className="call-worried-dialog__label">
                  In your own words (you don’t have to)
                </label>
                <textarea
                  id={textId}
                  className="pb-input call-worried-dialog__text"
                  data-testid="worried-text"
                  rows={3}
                  maxLength={2000}
                  value={words}
                  readOnly={busy}
                  onChange={(event) => setWords(event.target.value)}
                />
                {state.wordsError ? (
                  <p className="call-worried-dialog__problem" role="alert" data-testid="worried-error">
                    Your words didn’t send: {state.wordsError} Please try again. {ASK_AN_ADULT}
                  </p>
                ) : null}
                <div className="pb-dialog__actions">
                  <Button variant="secondary" data-testid="worried-close" onClick={onClose} disabled={busy}>
                    Close
                  </Button>
                  <Button type="submit" data-testid="worried-send" disabled={busy || !words.trim()}>
                    {state.sendingWords ? 'Sending…' : state.wordsError ? 'Try again' : 'Send'}
                  </Button>
                </div>
              </form>
            )}

            {state.wordsSent ? (
              <div className="pb-dialog__actions">
                <Button data-testid="worried-close" onClick={onClose}>
                  Close
                </Button>
              </div>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
