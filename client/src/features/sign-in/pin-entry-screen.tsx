import type { DeviceSchool, TodaySession } from '@peerbridge/shared';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../ui/button';
import { BackIcon } from '../../ui/icons';
import { Notice } from '../../ui/notice';
import { Screen } from '../../ui/screen';
import { schoolTime } from '../../lib/school-time';
import { appendDigit, PIN_LENGTH, removeLastDigit, sanitisePin } from './pin-code';
import { PinKeypad } from './pin-keypad';
import { useStudentSignIn } from './use-student-sign-in';
import './sign-in.css';

export interface PinEntryScreenProps {
  deviceToken: string;
  session: TodaySession;
  school: DeviceSchool;
  /** Why the student is asked again, e.g. their sign-in ran out before they joined. */
  message: string | null;
  onSignedIn: (joinToken: string) => void;
  onBack: () => void;
}

/**
 * The student proves it is them before the camera even starts: a shared iPad
 * lists every student's session, so tapping a name must not be enough.
 */
export function PinEntryScreen({ deviceToken, session, school, message, onSignedIn, onBack }: PinEntryScreenProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [pin, setPin] = useState('');
  // "Are you Aisha?" first, so a child who tapped someone else's card goes back before typing a PIN
  // there. Asked again after a sign-in ran out (`message`), it is the same child: no question then.
  const [confirmed, setConfirmed] = useState(message !== null);
  const { submit, busy, error, clearError } = useStudentSignIn(deviceToken, session, onSignedIn, message);

  // Keyboards (a laptop, an iPad keyboard case) can type at once. On touch
  // screens we leave focus alone so the system keyboard doesn't cover the keypad.
  const focusForKeyboards = () => {
    if (window.matchMedia?.('(pointer: fine)').matches) inputRef.current?.focus();
  };
  useEffect(focusForKeyboards, [confirmed]);

  const change = (next: string) => {
    setPin(next);
    if (error) clearError();
  };

  const onFormSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await submit(pin);
    // A wrong PIN is typed again from scratch; never leave it on a shared screen.
    if (!ok) {
      setPin('');
      // The input was disabled while checking, which took the focus away.
      requestAnimationFrame(focusForKeyboards);
    }
  };

  const partner = session.partner.firstName;
  const name = session.participant.firstName;

  if (!confirmed) {
    return (
      <Screen data-testid="pin-confirm" className="pin-entry">
        <div className="pin-entry__bar">
          <span className="pin-entry__when">{schoolTime(school.timeZone).timeRange(session.startsAt, session.endsAt)}</span>
        </div>
        <div className="pin-entry__confirm">
          <h1 className="pin-entry__title">Are you {name}?</h1>
          <p className="pin-entry__lead">This is {name}’s session with {partner}.</p>
          <div className="pin-entry__confirm-actions">
            <Button size="large" wide data-testid="pin-confirm-yes" onClick={() => setConfirmed(true)}>
              Yes, I’m {name}
            </Button>
            <Button size="large" wide variant="secondary" data-testid="pin-confirm-no" onClick={onBack}>
              No, that’s not me
            </Button>
          </div>
        </div>
      </Screen>
    );
  }

  return (
    <Screen data-testid="pin-entry" className="pin-entry">
      <div className="pin-entry__bar">
        <Button variant="secondary" data-testid="pin-back" onClick={onBack}>
          <BackIcon size={24} />
          Back
        </Button>
        <span className="pin-entry__when">{schoolTime(school.timeZone).timeRange(session.startsAt, session.endsAt)}</span>
      </div>

      {/* One form, laid out by CSS: keypad beside the PIN in landscape, between PIN and Continue in portrait. */}
      <form className="pin-entry__body" onSubmit={(event) => void onFormSubmit(event)} noValidate>
        <div className="pin-entry__intro">
          <h1 className="pin-entry__title">
            Hi {session.participant.firstName} — enter your PIN to meet {partner}
          </h1>
          <p className="pin-entry__lead">
            Your PIN is the {PIN_LENGTH} numbers your coordinator gave you. Keep it to yourself. Not{' '}
            {session.participant.firstName}? Tap Back.
          </p>
        </div>

        <div className="pin-entry__field">
          <label htmlFor={inputId} className="visually-hidden">
            Your PIN
          </label>
          <input
            ref={inputRef}
            id={inputId}
            className="pin-entry__input"
            data-testid="pin-input"
            type="password"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
            maxLength={PIN_LENGTH}
            value={pin}
            placeholder={'•'.repeat(PIN_LENGTH)}
            disabled={busy}
            onChange={(event) => change(sanitisePin(event.target.value))}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
          />
          {error ? (
            <Notice tone="error" id={`${inputId}-error`} data-testid="pin-error">
              {error}
            </Notice>
          ) : null}
        </div>

        <div className="pin-entry__keypad">
          <PinKeypad
            disabled={busy}
            onDigit={(digit) => change(appendDigit(pin, digit))}
            onDelete={() => change(removeLastDigit(pin))}
          />
        </div>

        <div className="pin-entry__submit">
          <Button type="submit" size="large" wide data-testid="pin-submit" disabled={busy} aria-busy={busy}>
            {busy ? 'Checking…' : 'Continue'}
          </Button>
        </div>
      </form>
    </Screen>
  );
}
